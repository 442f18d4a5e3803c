using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ModelGrid.FunctionalTests.Processes;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Cli;

/// <summary>
/// Runs the README's <c>sh</c> blocks as a reader would: the run command with no setting but the mirror folders the
/// README tells offline readers to set, then the <c>grid</c> tour line by line exactly as printed, in a shell, from the
/// root of a copy of the checkout (so the silo's <c>./.grid-data</c> and the tour's <c>tour/</c> are the copy's).
/// </summary>
[Collection(DefaultPortsGroup.Name)]
public sealed partial class ReadmeExamplesTests
{
    private const string RunCommandText = "dotnet run --project src/Silo -c Release";
    private const string TestCommand = "dotnet test Grid.sln -c Release";
    private const string MnistSha256 = "2f06e72de813a8635c9bc0397ac447a601bdbfa7df4bebc278723b958831c9bf";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void SetUp_HasExactlyTheRunAndTestCommands_AndCiRunsTheTestCommand()
    {
        var blocks = ShellBlocks();
        var ci = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, ".ci", "run"));

        Assert.Equal(RunCommandText, blocks[0].Trim());
        Assert.Equal(TestCommand, blocks[1].Trim());
        Assert.Equal(TestCommand, ci.Last(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).Trim());
        Assert.Equal(3, blocks.Count);
    }

    [Fact]
    public async Task RunCommandThenTour_AsPrinted_WithOnlyTheMirrorFolders_EveryLineSucceeds()
    {
        DefaultPorts.AssertFree(DefaultPorts.Api, DefaultPorts.Silo, DefaultPorts.Gateway);
        var tour = ShellBlocks()[2].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var run = await RunCommand.ReadAsync();
        await EnsureCliBuiltAsync();
        var checkout = CheckoutCopy();
        var home = TestPaths.NewTempFolder("readme-home");
        var mirrors = new Dictionary<string, string?>
        {
            ["Grid__Artifacts__Mirrors__0"] = TestArtifacts.MirrorFolder,
        };

        // The run command with its defaults: address, data folder, cluster ports, log level. Only the mirror folders.
        await using var silo = run.Start(checkout, PlainEnvironment.With(mirrors));
        await WaitForAsync(silo, "evaluation jobs succeeded", TimeSpan.FromMinutes(4));
        Assert.StartsWith(
            $"ModelGrid is listening on http://127.0.0.1:5180 (Ctrl+C stops it)\n  data folder:  {Path.Combine(checkout, ".grid-data")}\n",
            silo.Output,
            StringComparison.Ordinal);
        Assert.Contains("\n12 of 12 evaluation jobs succeeded.", silo.Output, StringComparison.Ordinal);

        // The second terminal: no GRID_URL, no GRID_TOKEN but what the tour exports; a config and a cache folder of its own.
        var (exit, stdout, stderr) = await ChildProcess.RunAsync("sh", ["-c", Script(tour)], checkout, PlainEnvironment.With(new Dictionary<string, string?>(mirrors)
        {
            ["XDG_CONFIG_HOME"] = Path.Combine(home, "config"),
            ["XDG_CACHE_HOME"] = Path.Combine(home, "cache"),
        }), TimeSpan.FromMinutes(5));

        var outputs = Outputs(stdout, tour.Length);
        Assert.True(exit == 0, $"the tour stopped at line {outputs.Count}: {tour[Math.Max(outputs.Count, 1) - 1]}\nexit {exit}\n{stdout}\n{stderr}");
        Assert.Equal(tour.Length, outputs.Count);
        string Of(string line) => outputs[Array.IndexOf(tour, line)];

        Assert.StartsWith($"pulled demo/mnist@1 (revision 02a24a1c072e) into {Path.Combine(checkout, "tour", "mnist")}: 1 file(s)", Of("./grid pull demo/mnist tour/mnist"), StringComparison.Ordinal);
        Assert.Equal(MnistSha256, Sha256(Path.Combine(checkout, "tour", "mnist", "mnist.onnx")));
        Assert.Contains("\n# MNIST digit classifier (ONNX)\n", Of("./grid card show demo/mnist"), StringComparison.Ordinal);
        Assert.StartsWith("logged in to http://127.0.0.1:5180/ as admin ", Of("./grid login --token-file .grid-data/admin-token"), StringComparison.Ordinal);
        Assert.EndsWith(": none damaged\n", Of("./grid admin check"), StringComparison.Ordinal);
        Assert.StartsWith("mgt_", await File.ReadAllTextAsync(Path.Combine(checkout, "tour", "alice.token"), Ct), StringComparison.Ordinal);
        Assert.StartsWith("published alice/my-model@1 ", Of("./grid push tour/my-model alice/my-model --create --license MIT --task image-classification").Split('\n')[1], StringComparison.Ordinal);
        Assert.StartsWith("up to date: alice/my-model@1 ", Of("./grid push tour/my-model alice/my-model"), StringComparison.Ordinal);
        Assert.Equal("alice/my-model@stable -> alice/my-model@1\n", Of("./grid alias set alice/my-model stable 1"));
        Assert.Contains("stable", Of("./grid alias list alice/my-model --history"), StringComparison.Ordinal);
        Assert.StartsWith("pulled alice/my-model@1 ", Of("./grid pull alice/my-model@stable tour/copy"), StringComparison.Ordinal);
        Assert.Equal(MnistSha256, Sha256(Path.Combine(checkout, "tour", "copy", "mnist.onnx")));
        Assert.Equal("---\nlicense: MIT\n---\n# My model\n", await File.ReadAllTextAsync(Path.Combine(checkout, "tour", "copy", "README.md"), Ct));
        Assert.StartsWith("alice/my-model@1  published  revision 02a24a1c072e", Of("./grid version show alice/my-model@stable"), StringComparison.Ordinal);
        Assert.Contains("compas-recidivism", Of("./grid eval suites"), StringComparison.Ordinal);
        var submitted = Of("./grid eval submit demo/compas-recidivism@4 --suite compas-recidivism --wait");
        Assert.StartsWith("deduplicated ", submitted, StringComparison.Ordinal);
        Assert.Contains("Δ v4 − v1", Of("./grid compare demo/compas-recidivism --versions 1,2,3,4 --suite compas-recidivism"), StringComparison.Ordinal);

        // The local run's report is the submitted job's, from its suite line on.
        var local = Of("./grid eval --local eval-suites/models/compas-recidivism/v4/model.onnx --suite eval-suites/compas-recidivism");
        var report = local[local.IndexOf("suite compas-recidivism@1 (", StringComparison.Ordinal)..];
        Assert.EndsWith(report, submitted, StringComparison.Ordinal);

        // The run command's silo stops cleanly on Ctrl+C's signal; the tour left nothing git would track.
        await silo.StopAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, silo.ExitCode);
        var made = Directory.GetDirectories(checkout).Where(e => !File.GetAttributes(e).HasFlag(FileAttributes.ReparsePoint)).Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal([".grid-data", "tour"], made);
        Assert.Contains("\n/tour/\n", await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, ".gitignore"), Ct), StringComparison.Ordinal);
        Directory.Delete(checkout, recursive: true);
        Directory.Delete(home, recursive: true);
    }

    [Fact]
    public async Task Wrapper_RunsTheCliFromTheCheckout()
    {
        var (exit, stdout, stderr) = await ChildProcess.RunAsync(Path.Combine(TestPaths.RepositoryRoot, "grid"), ["--help"], TestPaths.RepositoryRoot, null, TimeSpan.FromMinutes(5));

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains("push <dir> <model>", stdout, StringComparison.Ordinal);
    }

    /// <summary>
    /// The tour's lines verbatim, in one shell so that <c>export</c> carries over, each followed by a marker with its
    /// exit status; the first failing line ends the script with its status.
    /// </summary>
    private static string Script(string[] lines)
    {
        var script = new StringBuilder("exec 2>&1\n");
        for (var i = 0; i < lines.Length; i++)
        {
            script.Append(lines[i]).Append('\n');
            script.Append(CultureInfo.InvariantCulture, $"s=$?; printf '\\n@@@ line {i + 1} exit %s\\n' \"$s\"; [ \"$s\" -eq 0 ] || exit \"$s\"\n");
        }

        return script.ToString();
    }

    /// <summary>Each line's output, up to its marker, for the lines that ran.</summary>
    private static List<string> Outputs(string stdout, int lines)
    {
        var outputs = new List<string>();
        var start = 0;
        for (var i = 1; i <= lines; i++)
        {
            var marker = Regex.Match(stdout[start..], $"\\n@@@ line {i} exit (\\d+)\\n");
            if (!marker.Success)
            {
                break;
            }

            outputs.Add(stdout.Substring(start, marker.Index));
            start += marker.Index + marker.Length;
        }

        return outputs;
    }

    /// <summary>
    /// A checkout of its own: the top-level files of this one (the wrapper, the build settings) and links to its folders
    /// (sources, build output, suites) but none of what a run makes, so <c>./.grid-data</c> and <c>tour/</c> are new,
    /// private folders.
    /// </summary>
    private static string CheckoutCopy()
    {
        var copy = TestPaths.NewTempFolder("readme-checkout");
        foreach (var entry in Directory.GetFileSystemEntries(TestPaths.RepositoryRoot))
        {
            var name = Path.GetFileName(entry);
            if (name is ".git" or ".grid-data" or "tour" or "node_modules" or "TestResults")
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                Directory.CreateSymbolicLink(Path.Combine(copy, name), entry);
            }
            else
            {
                // Copied with its time: ./grid compares these files' times with its last build's.
                File.Copy(entry, Path.Combine(copy, name));
                File.SetLastWriteTimeUtc(Path.Combine(copy, name), File.GetLastWriteTimeUtc(entry));
            }
        }

        return copy;
    }

    // ./grid builds the CLI when its sources are newer than the last build; do that here, in this checkout.
    private static async Task EnsureCliBuiltAsync()
    {
        var (exit, stdout, stderr) = await ChildProcess.RunAsync(Path.Combine(TestPaths.RepositoryRoot, "grid"), ["--help"], TestPaths.RepositoryRoot, null, TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
    }

    private static async Task WaitForAsync(ChildProcess process, string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!process.Output.Contains(text, StringComparison.Ordinal))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the run command did not print '{text}' within {timeout} (exited: {process.HasExited}): {process.Output}");
            }

            await Task.Delay(200, Ct);
        }
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
