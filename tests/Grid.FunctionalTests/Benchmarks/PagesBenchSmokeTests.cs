using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Benchmarks;

/// <summary>
/// The pages benchmark on its quick setting (5 rounds on the demo data), so it keeps running as the pages change. Its
/// times are not asserted, only that every page and its API twin answered and every page rendered its data.
/// </summary>
public sealed class PagesBenchSmokeTests
{
    [Fact]
    public async Task Pages_Quick_EveryPageRendersItsData()
    {
        var bench = TestPaths.BuildOutput("Grid.Benchmarks", "Grid.Benchmarks.dll");
        var work = TestPaths.NewTempFolder("pages-smoke");
        try
        {
            var (exit, stdout, stderr) = await ChildProcess.RunAsync(
                "dotnet",
                [bench, "pages", "--quick", "--out", work, "--mirrors", TestArtifacts.MirrorFolder, "--silo", TestPaths.BuildOutput("Grid.Silo", "Grid.Silo.dll")],
                TestPaths.RepositoryRoot,
                null,
                TimeSpan.FromMinutes(10));

            Assert.True(exit == 0, $"the benchmark exited {exit}: {stderr}{stdout}");
            var report = File.ReadAllText(Assert.Single(Directory.GetFiles(work, "pages-*.md")));
            Assert.Contains("; 5 rounds, page and API call interleaved", report);
            foreach (var page in new[] { "home", "model", "version", "compare", "leaderboard", "queue" })
            {
                Assert.Contains(report.Split('\n'), line => line.StartsWith($"| {page} (`", StringComparison.Ordinal));
            }

            Assert.Contains("- Checks: every page and API call answered 200; every page held its markup.", report);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
