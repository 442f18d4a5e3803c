using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Benchmarks;

/// <summary>
/// The dispatch simulation on its quick grid (20 silos in one process), so it keeps running as the grains change.
/// Its figures are not asserted, only that every cell ran and passed its checks (each job run once, every result
/// accepted, nothing left queued).
/// </summary>
public sealed class DispatchSimulationSmokeTests
{
    [Fact]
    public async Task DispatchSimulation_Quick_PassesItsChecksInEveryCell()
    {
        var bench = TestPaths.BuildOutput("Grid.Benchmarks", "Grid.Benchmarks.dll");
        var work = TestPaths.NewTempFolder("dispatch-simulation-smoke");
        try
        {
            var output = Path.Combine(work, "out");
            var (exit, stdout, stderr) = await ChildProcess.RunAsync(
                "dotnet",
                [bench, "dispatch-simulation", "--quick", "--out", output, "--work", work],
                TestPaths.RepositoryRoot,
                null,
                TimeSpan.FromMinutes(10));

            Assert.True(exit == 0, $"the benchmark exited {exit}: {stderr}{stdout}");
            var report = File.ReadAllText(Assert.Single(Directory.GetFiles(output, "dispatch-simulation-*.md")));
            Assert.Contains("## Dispatch simulation: 20 silos in one process", report);
            foreach (var row in new[] { "| 100 | ", "| 400 | ", "| 20 | 1 | 16 | ", "| 40 | 2 | 16 | ", "| 40 | 2 | 64 | " })
            {
                Assert.Contains(report.Split('\n'), line => line.StartsWith(row, StringComparison.Ordinal) && line.TrimEnd().EndsWith("| ok |", StringComparison.Ordinal));
            }

            Assert.Contains("- Checks: passed in every cell.", report);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
