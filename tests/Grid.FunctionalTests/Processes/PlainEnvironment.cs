using System.Collections;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>
/// The environment of a reader who follows the README: the test process's variables that would configure the silo or
/// the CLI (addresses, <c>Grid__…</c>, <c>GRID_…</c>, logging) are removed, so a child process sees only what a test adds.
/// </summary>
public static class PlainEnvironment
{
    private static readonly string[] Prefixes = ["ASPNETCORE_", "Grid__", "GRID_", "Logging__", "Kestrel__"];
    private static readonly string[] Names = ["URLS", "DOTNET_URLS", "DOTNET_HTTP_PORTS", "DOTNET_HTTPS_PORTS", "DOTNET_ENVIRONMENT"];

    /// <summary>Every such variable mapped to null (removed), then <paramref name="set"/> on top.</summary>
    public static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?>? set = null)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (Prefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)) || Names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                environment[name] = null;
            }
        }

        foreach (var (name, value) in set ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return environment;
    }
}
