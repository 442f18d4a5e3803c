using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Benchmarks;

/// <summary>
/// The cluster dispatch benchmark on its smallest run — Azurite, the API silo and two worker silo processes, one round
/// of no-op and busy jobs on one and on two workers — so a change to the silo's cluster wiring cannot break it
/// unnoticed. Its figures are not asserted, only that every cell ran and passed the checks it makes (each job run
/// once on one worker, every result accepted, nothing left queued).
/// </summary>
public sealed class ClusterDispatchBenchSmokeTests
{
    [Fact]
    public async Task ClusterDispatch_SmallestRun_PassesItsChecksInEveryCell()
    {
        var bench = TestPaths.BuildOutput("Grid.Benchmarks", "Grid.Benchmarks.dll");
        var work = TestPaths.NewTempFolder("cluster-dispatch-smoke");
        try
        {
            var output = Path.Combine(work, "out");
            var (exit, stdout, stderr) = await ChildProcess.RunAsync(
                "dotnet",
                [bench, "cluster-dispatch", "--rounds", "1", "--noop-jobs", "12", "--busy-jobs", "8", "--hold-ms", "20", "--slots", "2", "--partitions", "4", "--warmup-jobs", "0", "--out", output],
                TestPaths.RepositoryRoot,
                null,
                TimeSpan.FromMinutes(10));

            Assert.True(exit == 0, $"the benchmark exited {exit}: {stderr}{stdout}");
            var report = File.ReadAllText(Assert.Single(Directory.GetFiles(output, "cluster-dispatch-*.md")));
            var cells = report.Split('\n').Where(l => l.StartsWith("| 1 | ", StringComparison.Ordinal)).Select(l => string.Join('|', l.Split('|')[1..5]).Trim()).ToList();
            Assert.Equal(["1 | NoOp | 1 | 12", "1 | NoOp | 2 | 12", "1 | Busy | 1 | 8", "1 | Busy | 2 | 8"], cells);
            Assert.Contains("Checks (each job run once on one worker, all results accepted, nothing left queued): passed in every cell.", report);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
