using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Benchmarks;

/// <summary>
/// The dispatch benchmark on its smallest grid, so a change to the silo's wiring cannot break it unnoticed: it once
/// failed at its first Azurite cell when the queue began to need reminders. Its figures are not asserted, only the
/// checks it makes in every cell (each job leased once, every result accepted, nothing left queued).
/// </summary>
public sealed class DispatchBenchSmokeTests
{
    [Fact]
    public async Task Dispatch_SmallestGridOnBothStores_PassesItsChecksInEveryCell()
    {
        var bench = TestPaths.BuildOutput("Grid.Benchmarks", "Grid.Benchmarks.dll");
        var work = TestPaths.NewTempFolder("dispatch-smoke");
        try
        {
            var output = Path.Combine(work, "out");
            var (exit, stdout, stderr) = await ChildProcess.RunAsync(
                "dotnet",
                [bench, "dispatch", "--queue-lengths", "20", "--loops", "2", "--sweep-jobs", "20", "--partitions", "2", "--azurite-cap", "20", "--azurite-full", "0", "--out", output, "--work", work],
                TestPaths.RepositoryRoot,
                null,
                TimeSpan.FromMinutes(10));

            Assert.True(exit == 0, $"the benchmark exited {exit}: {stderr}{stdout}");
            var report = File.ReadAllText(Assert.Single(Directory.GetFiles(output, "dispatch-*.md")));
            Assert.Contains("| Azurite | 2 |", report);
            Assert.Contains("Checks (each job once, all results accepted, nothing left queued): passed in every cell.", report);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
