using System.Text.Json;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>Runs the real <c>grid</c> CLI (its build output) as a child process against a hub, with its own config folder.</summary>
public sealed class GridCliRunner(Uri hub, string? token = null)
{
    public string ConfigHome { get; } = TestPaths.NewTempFolder("grid-config");

    public string? Token { get; set; } = token;

    /// <summary>More environment variables for the child, e.g. the artifact mirrors of <c>grid eval --local</c>.</summary>
    public Dictionary<string, string?> Environment { get; } = [];

    public async Task<CliResult> RunAsync(params string[] arguments) => await RunInAsync(System.Environment.CurrentDirectory, arguments);

    public async Task<CliResult> RunInAsync(string workingDirectory, params string[] arguments)
    {
        var (exit, stdout, stderr) = await ChildProcess.RunAsync("dotnet", [TestPaths.BuildOutput("Grid.Cli", "grid.dll"), .. arguments], workingDirectory, ChildEnvironment(), TimeSpan.FromMinutes(3));
        return new CliResult(exit, stdout, stderr);
    }

    /// <summary>Starts the CLI and returns at once, for a test that acts while it runs (interrupts it, say).</summary>
    public CliProcess Start(params string[] arguments) =>
        CliProcess.Start([TestPaths.BuildOutput("Grid.Cli", "grid.dll"), .. arguments], System.Environment.CurrentDirectory, ChildEnvironment());

    private Dictionary<string, string?> ChildEnvironment()
    {
        var environment = new Dictionary<string, string?>
        {
            ["GRID_URL"] = hub.ToString(),
            ["GRID_TOKEN"] = Token,
            ["XDG_CONFIG_HOME"] = ConfigHome,
            ["HOME"] = ConfigHome,
        };
        foreach (var (key, value) in Environment)
        {
            environment[key] = value;
        }

        return environment;
    }
}

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;

    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}
