using System.Text.RegularExpressions;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>
/// A first run offline with no mirror folder: the silo starts, and the demo's summary names each artifact it could
/// not get once, with the two ways to provide it, instead of burying that in one log line per failed job.
/// </summary>
public sealed class OfflineDemoTests
{
    private static readonly string[] Missing =
        ["mnist.onnx", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "stories260K_kv.onnx", "tok512.model", "crows_pairs_anonymized.csv", "adult-test.csv", "compas-scores-two-years-nopii.csv"];

    [Fact]
    public async Task RunCommand_OfflineWithoutMirrors_SummaryNamesEachMissingArtifactOnceAndHowToProvideIt()
    {
        var data = TestPaths.NewTempFolder("offline-demo");

        var (exit, stdout, stderr) = await SiloProcess.RunToExitAsync(data, ["--exit-after-demo"], TimeSpan.FromMinutes(3), new Dictionary<string, string?>
        {
            ["Grid__Artifacts__Mirrors__0"] = null,
            ["Grid__Artifacts__Mirrors__1"] = null,
            ["Grid__Artifacts__Offline"] = "true",
            ["Logging__LogLevel__Default"] = null,
            ["DOTNET_gcServer"] = null,
        });

        Assert.True(exit == 1, $"exit {exit}: {stdout}{stderr}");
        foreach (var artifact in Missing)
        {
            Assert.True(Regex.Count(stdout, Regex.Escape(artifact)) == 1, $"{artifact} is not named exactly once:\n{stdout}");
        }

        Assert.Contains("Demo model demo/mnist not published: its weights are missing (the demo's summary says how to provide them)\n", stdout, StringComparison.Ordinal);
        Assert.Contains("Demo model demo/stories260k not published: its weights are missing (the demo's summary says how to provide them)\n", stdout, StringComparison.Ordinal);
        Assert.EndsWith(
            """
            0 of 7 evaluation jobs succeeded.

            The demo could not get 8 artifacts it needs: downloading is off (Grid__Artifacts__Offline=true) and no mirror folder is set (Grid__Artifacts__Mirrors__0).
              mnist.onnx                            26,454 bytes  for the demo model demo/mnist
              t10k-images-idx3-ubyte.gz          1,648,877 bytes  for suite mnist-accuracy on demo/mnist
              t10k-labels-idx1-ubyte.gz              4,542 bytes  for suite mnist-accuracy on demo/mnist
              stories260K_kv.onnx                1,091,409 bytes  for the demo model demo/stories260k; mirror only: no public source
              tok512.model                           7,986 bytes  for the demo model demo/stories260k; mirror only: no public source
              crows_pairs_anonymized.csv           437,764 bytes  for suite crows-pairs on demo/stories260k
              adult-test.csv                     2,003,132 bytes  for suite adult-income (3 jobs failed)
              compas-scores-two-years-nopii.csv  2,247,610 bytes  for suite compas-recidivism (4 jobs failed); a folder may hold its original compas-scores-two-years.csv instead
            Provide them in one of two ways, then start the silo again; the demo runs what could not run:
              - a folder that holds them (searched a few levels deep; size and SHA-256 are verified):
                  Grid__Artifacts__Mirrors__0=/path/to/folder dotnet run --project src/Silo -c Release
              - online: without Grid__Artifacts__Offline=true the silo downloads those not mirror only from their pinned sources (./grid artifacts list);
                or, while the silo runs, import them with the admin token: ./grid artifacts import <folder>

            """,
            stdout,
            StringComparison.Ordinal);
        Assert.DoesNotContain("eval submit", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("submit one", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("warn: ", stdout, StringComparison.Ordinal);
        Directory.Delete(data, recursive: true);
    }
}
