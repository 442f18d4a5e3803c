using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ModelGrid.FunctionalTests.Processes;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Cli;

/// <summary>
/// Runs the README's <c>sh</c> blocks: the run command (as the silo process it starts), the test command (which must
/// be what CI runs), and the <c>grid</c> tour, executed by bash line by line against a real silo.
/// </summary>
public sealed partial class ReadmeExamplesTests
{
    private const string RunCommand = "dotnet run --project src/Silo -c Release";
    private const string TestCommand = "dotnet test Grid.sln -c Release";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void SetUp_HasExactlyTheRunAndTestCommands_AndCiRunsTheTestCommand()
    {
        var blocks = ShellBlocks();
        var ci = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, ".ci", "run"));

        Assert.Equal(RunCommand, blocks[0].Trim());
        Assert.Equal(TestCommand, blocks[1].Trim());
        Assert.Equal(TestCommand, ci.Last(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).Trim());
        Assert.Equal(3, blocks.Count);
    }

    [Fact]
    public async Task Tour_EveryGridExampleRunsAgainstTheRunCommandsSilo()
    {
        var work = TestPaths.NewTempFolder("readme");
        var tour = ShellBlocks()[2];
        Assert.Contains("./grid pull demo/mnist", tour, StringComparison.Ordinal);
        Assert.Contains("./grid eval --local ", tour, StringComparison.Ordinal);

        // The run command's silo, on the data folder the README names (./.grid-data), with the offline mirrors.
        await using var silo = await SiloProcess.StartAsync(Path.Combine(work, ".grid-data"));
        await silo.WaitForOutputAsync("evaluation jobs succeeded", TimeSpan.FromMinutes(3));
        // The tour runs at the repository root; its suites and sample models are there.
        Directory.CreateSymbolicLink(Path.Combine(work, "eval-suites"), Path.Combine(TestPaths.RepositoryRoot, "eval-suites"));
        var script = Path.Combine(work, "tour.sh");
        var grid = TestPaths.BuildOutput("Grid.Client", "grid.dll");
        await File.WriteAllTextAsync(script, $"set -euo pipefail\ngrid() {{ dotnet '{grid}' \"$@\"; }}\n{tour.Replace("./grid ", "grid ", StringComparison.Ordinal)}", Ct);

        var (exit, stdout, stderr) = await ChildProcess.RunAsync("bash", [script], work, new Dictionary<string, string?>
        {
            ["GRID_URL"] = silo.Url.ToString(),
            ["GRID_TOKEN"] = null,
            ["XDG_CONFIG_HOME"] = Path.Combine(work, "config"),

            // grid eval --local finds suite data as the silo does; the tests never download.
            ["Grid__Artifacts__Mirrors__0"] = TestArtifacts.MirrorFolder,
            ["Grid__Artifacts__Offline"] = "true",
            ["GRID_CACHE"] = Path.Combine(work, "cache"),
        }, TimeSpan.FromMinutes(3));

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Equal("2f06e72de813a8635c9bc0397ac447a601bdbfa7df4bebc278723b958831c9bf", Sha256(Path.Combine(work, "mnist", "mnist.onnx")));
        Assert.Equal(Sha256(Path.Combine(work, "mnist", "mnist.onnx")), Sha256(Path.Combine(work, "copy", "mnist.onnx")));
        Assert.Contains("up to date: alice/my-model@1", stdout, StringComparison.Ordinal);
        Assert.Contains("alice/my-model@stable -> alice/my-model@1", stdout, StringComparison.Ordinal);
        Assert.Equal("---\nlicense: MIT\n---\n# My model\n", await File.ReadAllTextAsync(Path.Combine(work, "copy", "README.md"), Ct));
        Assert.Contains("compas-recidivism  v1  bias, binary, auto", stdout, StringComparison.Ordinal);
        Assert.Contains("deduplicated ", stdout, StringComparison.Ordinal);
        Assert.Contains("Δ v4 − v1", stdout, StringComparison.Ordinal);

        // The submitted job's report and the local run's are the same text.
        var report = stdout[stdout.IndexOf("suite compas-recidivism@1 (", StringComparison.Ordinal)..stdout.IndexOf("demo/compas-recidivism, versions", StringComparison.Ordinal)];
        Assert.EndsWith(report, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrapper_RunsTheCliFromTheCheckout()
    {
        var (exit, stdout, stderr) = await ChildProcess.RunAsync(Path.Combine(TestPaths.RepositoryRoot, "grid"), ["--help"], TestPaths.RepositoryRoot, null, TimeSpan.FromMinutes(5));

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains("push <dir> <model>", stdout, StringComparison.Ordinal);
    }

    private static List<string> ShellBlocks()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        return [.. ShellBlock().Matches(readme).Select(m => m.Groups["body"].Value)];
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    [GeneratedRegex("^```sh\\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
