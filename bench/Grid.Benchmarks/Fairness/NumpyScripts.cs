using System.Text.Json;

namespace ModelGrid.Benchmarks.Fairness;

/// <summary>
/// Runs the numpy side with Debian's Python. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, which may be set on this machine,
/// are removed from the scripts' environment only, so numpy runs as it would anywhere else.
/// </summary>
public static class NumpyScripts
{
    public const string Python = "/usr/bin/python3";
    public const string Multinomial = "multinomial_bootstrap.py";
    public const string Naive = "naive_bootstrap.py";

    public static IReadOnlyList<string> UnsetVariables { get; } = ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"];

    /// <summary>numpy's version, or null with the reason it cannot be used.</summary>
    public static async Task<(string? Version, string? Problem)> ProbeAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Python))
        {
            return (null, $"{Python} is missing: apt-get install python3 python3-numpy");
        }

        var probe = await ExternalCommand.RunAsync(Python, ["-c", "import numpy; print(numpy.__version__)"], UnsetVariables, cancellationToken);
        return probe.ExitCode == 0 ? (probe.Stdout.Trim(), null) : (null, $"numpy is not installed for {Python}: apt-get install python3-numpy");
    }

    public static async Task<NumpyResult> RunMultinomialAsync(string rowsFile, int rows, int replicates, ulong seed, int repeat, CancellationToken cancellationToken)
    {
        using var json = await RunAsync(Multinomial, [rowsFile, Text(rows), string.Join(',', SyntheticRows.Levels), Text(replicates), Text(seed), Text(repeat)], cancellationToken);
        var root = json.RootElement;
        var runs = root.GetProperty("runs").EnumerateArray().ToList();
        var count = runs.Select(r => r.GetProperty("count_ms").GetDouble()).ToList();
        var bootstrap = runs.Select(r => r.GetProperty("bootstrap_ms").GetDouble()).ToList();
        return new NumpyResult(
            root.GetProperty("numpy").GetString() ?? "?",
            root.GetProperty("load_ms").GetDouble(),
            count,
            bootstrap,
            count[^1] + bootstrap[^1],
            [.. root.GetProperty("cells").EnumerateArray().Select(c => c.GetInt64())],
            Estimates(root),
            Intervals(root));
    }

    public static async Task<NumpyResult> RunNaiveAsync(string rowsFile, int rows, int replicates, ulong seed, CancellationToken cancellationToken)
    {
        using var json = await RunAsync(Naive, [rowsFile, Text(rows), string.Join(',', SyntheticRows.Levels), Text(replicates), Text(seed)], cancellationToken);
        var root = json.RootElement;
        return new NumpyResult(
            root.GetProperty("numpy").GetString() ?? "?",
            root.GetProperty("load_ms").GetDouble(),
            [],
            [],
            root.GetProperty("total_ms").GetDouble(),
            null,
            Estimates(root),
            Intervals(root));
    }

    private static async Task<JsonDocument> RunAsync(string script, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fairness", script);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the numpy script {path} is not beside the benchmark; rebuild bench/Grid.Benchmarks");
        }

        var result = (await ExternalCommand.RunAsync(Python, [path, .. arguments], UnsetVariables, cancellationToken)).EnsureSuccess();
        try
        {
            return JsonDocument.Parse(result.Stdout);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{script} printed no JSON ({e.Message}): {result.Stdout.Trim()} {result.Stderr.Trim()}", e);
        }
    }

    private static Dictionary<string, double> Estimates(JsonElement root) =>
        root.GetProperty("estimates").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);

    private static Dictionary<string, (double, double)> Intervals(JsonElement root) =>
        root.GetProperty("intervals").EnumerateObject().ToDictionary(
            p => p.Name, p => (p.Value[0].GetDouble(), p.Value[1].GetDouble()), StringComparer.Ordinal);

    private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Text(ulong value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
