using System.Runtime.InteropServices;
using System.Text.Json;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Packaging;

/// <summary>
/// The grid tool as a user gets it: packed by <c>dotnet pack</c> (the package of this machine's platform and the
/// pointer package), installed by <c>dotnet tool install</c> from that folder with no other package source, and run.
/// It packs into its own build folder, so the solution's build output is not touched.
/// </summary>
public sealed class ToolPackageTests
{
    private const string Model = "eval-suites/models/compas-recidivism/v4/model.onnx";
    private const string SuiteFolder = "eval-suites/compas-recidivism";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PackAndInstall_FromTheFolderAlone_RunsTheLocalEvaluationOnTheCpuBuild()
    {
        var root = TestPaths.NewTempFolder("grid-tool");
        try
        {
            var feed = Path.Combine(root, "feed");
            var tools = Path.Combine(root, "tools");
            var platform = RuntimeInformation.RuntimeIdentifier;
            var project = Path.Combine(TestPaths.RepositoryRoot, "src", "Cli", "Grid.Cli.csproj");

            await DotnetAsync(root, "pack", project, "-c", "Release", "-o", feed, $"-p:ArtifactsPath={Path.Combine(root, "build")}/", $"-p:GridToolPlatforms={platform}", "-nodeReuse:false", "-v", "q");
            Assert.Equal(
                ["ModelGrid.Cli.1.0.0.nupkg", $"ModelGrid.Cli.{platform}.1.0.0.nupkg"],
                Directory.GetFiles(feed).Select(Path.GetFileName).Order(StringComparer.Ordinal));

            // No package source but the folder: installing needs nothing from a registry.
            var config = Path.Combine(root, "nuget.config");
            await File.WriteAllTextAsync(config, "<configuration><packageSources><clear /></packageSources></configuration>", Ct);
            await DotnetAsync(root, "tool", "install", "ModelGrid.Cli", "--tool-path", tools, "--add-source", feed, "--configfile", config);
            var grid = Path.Combine(tools, OperatingSystem.IsWindows() ? "grid.exe" : "grid");

            Assert.StartsWith("1.0.0+", await RunAsync(root, grid, "--version"), StringComparison.Ordinal);
            Assert.Empty(DependencyClosureTests.CudaLibraries(tools));
            var installed = JsonDocument.Parse(await RunAsync(TestPaths.RepositoryRoot, grid, "eval", "--local", Model, "--suite", SuiteFolder, "--json")).RootElement;
            var built = JsonDocument.Parse(await RunAsync(TestPaths.RepositoryRoot, "dotnet", TestPaths.BuildOutput("Grid.Cli", "grid.dll"), "eval", "--local", Model, "--suite", SuiteFolder, "--json")).RootElement;

            Assert.Equal("CPU", installed.GetProperty("environment").GetProperty("actualProvider").GetString());
            Assert.Equal("1.31.0", installed.GetProperty("environment").GetProperty("runtimeVersion").GetString());
            Assert.Equal(JsonSerializer.Serialize(built.GetProperty("metrics")), JsonSerializer.Serialize(installed.GetProperty("metrics")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Runs the SDK in the machine's own environment (its NuGet package folder).</summary>
    private static async Task DotnetAsync(string workingDirectory, params string[] arguments)
    {
        var (exit, stdout, stderr) = await ChildProcess.RunAsync("dotnet", arguments, workingDirectory, null, TimeSpan.FromMinutes(10));
        Assert.True(exit == 0, $"'dotnet {string.Join(' ', arguments)}' exited {exit}: {stdout}{stderr}");
    }

    /// <summary>Runs the tool with the artifact mirrors and a cache and config folder of its own; its standard output.</summary>
    private static async Task<string> RunAsync(string workingDirectory, string fileName, params string[] arguments)
    {
        var home = TestPaths.NewTempFolder("grid-tool-home");
        try
        {
            var environment = new Dictionary<string, string?>
            {
                // The tool's launcher finds the runtime the tests run on.
                ["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..")),
                ["HOME"] = home,
                ["XDG_CONFIG_HOME"] = home,
                ["GRID_CACHE"] = Path.Combine(home, "cache"),
                ["Grid__Artifacts__Mirrors__0"] = TestArtifacts.MirrorFolder,
                ["Grid__Artifacts__Offline"] = "true",
            };
            var (exit, stdout, stderr) = await ChildProcess.RunAsync(fileName, arguments, workingDirectory, environment, TimeSpan.FromMinutes(10));
            Assert.True(exit == 0, $"'{fileName} {string.Join(' ', arguments)}' exited {exit}: {stdout}{stderr}");
            return stdout;
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
