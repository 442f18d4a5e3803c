using System.Globalization;
using System.Net.Http.Json;
using ModelGrid.Evaluation.Leaderboards;
using ModelGrid.Evaluation.Running;
using static Microsoft.Playwright.Assertions;

namespace ModelGrid.BrowserTests;

/// <summary>A suite's leaderboard page ranks the same entries, with the same numbers, as its JSON API.</summary>
public sealed class LeaderboardTests(BrowserFixture browser, HubFixture hub)
{
    private const string Suite = "adult-income";

    [Fact]
    public async Task The_leaderboard_page_shows_the_apis_ranking()
    {
        Browsing.Configure();
        await hub.WaitForComparisonAsync(new ModelId("demo", "adult-income"), [1, 2, 3], Suite, TimeSpan.FromSeconds(150));
        using var http = new HttpClient { BaseAddress = hub.Url, Timeout = TimeSpan.FromSeconds(30) };
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        // Another test's evaluation may land on the board meanwhile: compare a page read between two equal API answers.
        for (var attempt = 1; ; attempt++)
        {
            var before = await ReadAsync(http);
            var response = await page.GotoAsync(hub.At($"/suites/{Suite}/leaderboard"));
            Assert.Equal(200, response?.Status);
            var after = await ReadAsync(http);
            if (!Same(before, after) && attempt < 5)
            {
                continue;
            }

            Assert.True(before.Entries.Count >= 3, $"the board has {before.Entries.Count} entries");
            var rows = await page.Locator("table#leaderboard tbody tr").EvaluateAllAsync<string[][]>(
                "rows => rows.map(r => [r.dataset.model, r.dataset.version, r.dataset.rank, r.dataset.value])");
            var expected = before.Entries.Select(e => new[]
            {
                e.Model.ToString(), e.Version.ToString(CultureInfo.InvariantCulture), e.Rank?.ToString(CultureInfo.InvariantCulture) ?? "",
                double.IsFinite(e.Value.Value) ? e.Value.Value.ToString("F6", CultureInfo.InvariantCulture) : "",
            }).ToArray();
            Assert.Equal(expected, rows);
            await Expect(page.Locator("#leaderboard-metric")).ToContainTextAsync(before.Metric.Name);
            await Screenshots.SaveAsync(page, "leaderboard");
            return;
        }
    }

    private static async Task<Leaderboard> ReadAsync(HttpClient http) =>
        await http.GetFromJsonAsync<Leaderboard>($"api/v1/suites/{Suite}/leaderboard", EvaluationJson.Options, TestContext.Current.CancellationToken)
        ?? throw new InvalidOperationException("the leaderboard API answered without a body");

    private static bool Same(Leaderboard a, Leaderboard b) =>
        a.Entries.Select(e => (e.Model, e.Version, e.Rank)).SequenceEqual(b.Entries.Select(e => (e.Model, e.Version, e.Rank)));
}
