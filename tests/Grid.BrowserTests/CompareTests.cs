using System.Globalization;
using Microsoft.Playwright;
using ModelGrid.Evaluation.Comparison;
using static Microsoft.Playwright.Assertions;

namespace ModelGrid.BrowserTests;

/// <summary>
/// Three versions of the Adult sample on its fairness suite, compared in the browser: every bar and point of the SVG
/// charts and every cell of the table carries the number the compare API reports.
/// </summary>
public sealed class CompareTests(BrowserFixture browser, HubFixture hub)
{
    private static readonly ModelId Adult = new("demo", "adult-income");
    private static readonly int[] Versions = [1, 2, 3];
    private const string Suite = "adult-income";

    [Fact]
    public async Task The_compare_page_charts_and_tabulates_the_apis_numbers_for_three_versions()
    {
        Browsing.Configure();
        var report = await hub.WaitForComparisonAsync(Adult, Versions, Suite, TimeSpan.FromSeconds(150));

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(hub.At($"/models/{Adult}/compare?versions=1,2,3&suite={Suite}"));
        Assert.Equal(200, response?.Status);

        var bars = page.Locator("svg#chart-bars");
        await Expect(bars).ToHaveAttributeAsync("role", "img");
        Assert.False(string.IsNullOrWhiteSpace(await bars.Locator("title").First.TextContentAsync()));
        Assert.False(string.IsNullOrWhiteSpace(await bars.Locator("desc").First.TextContentAsync()));
        var drawn = await ReadAsync(bars.Locator("rect.bar"));
        Assert.NotEmpty(drawn);
        Assert.Equal(Versions, drawn.Select(d => d.Version).Distinct().Order());
        foreach (var bar in drawn)
        {
            var figure = Figure(report, bar);
            Assert.Equal(Six(figure.Value!.Value), bar.Value);
            Assert.Equal(Six(figure.Value.Lower), bar.Low);
            Assert.Equal(Six(figure.Value.Upper), bar.High);
        }

        var points = await ReadAsync(page.Locator("svg#chart-lines circle.point"));
        Assert.NotEmpty(points);
        Assert.Equal(Versions, points.Select(d => d.Version).Distinct().Order());
        foreach (var point in points)
        {
            Assert.Equal(Six(Figure(report, point).Value!.Value), point.Value);
        }

        await CheckTableAsync(page.Locator("table#compare-table"), report);
        await Screenshots.SaveAsync(page, "compare");
    }

    /// <summary>The chart's figures as its data attributes say.</summary>
    private static async Task<IReadOnlyList<Drawn>> ReadAsync(ILocator marks) =>
        await marks.EvaluateAllAsync<Drawn[]>("""
            marks => marks.map(m => ({
                group: m.dataset.group, version: Number(m.dataset.version), metric: m.dataset.metric,
                value: m.dataset.value, low: m.dataset.low ?? null, high: m.dataset.high ?? null }))
            """);

    /// <summary>The API's figure for a drawn mark: the per-group rate <c>group[{group}].{metric}</c> of its version.</summary>
    private static VersionFigure Figure(ComparisonReport report, Drawn mark)
    {
        var name = $"group[{mark.Group}].{mark.Metric}";
        var metric = report.Metrics.FirstOrDefault(m => m.Name == name);
        Assert.True(metric is not null, $"the chart draws {name}, which the API does not report");
        var figure = metric.Figures.Single(f => f.Version == mark.Version);
        Assert.NotNull(figure.Value);
        return figure;
    }

    private static string Six(double value) => value.ToString("F6", CultureInfo.InvariantCulture);

    /// <summary>Every row of the table whose metric the API reports shows each version's value, to the decimals printed.</summary>
    private static async Task CheckTableAsync(ILocator table, ComparisonReport report)
    {
        await Expect(table).ToBeVisibleAsync();
        var rows = await table.Locator("tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [...r.querySelectorAll('th, td')].map(c => c.innerText.trim()))");
        Assert.NotEmpty(rows);
        var checkedRows = 0;
        foreach (var metric in report.Metrics.Where(m => m.Figures.All(f => f.Value is not null)))
        {
            var row = rows.FirstOrDefault(r => Names(r, metric));
            if (row is null)
            {
                continue;
            }

            var cells = row[^Versions.Length..];
            for (var i = 0; i < Versions.Length; i++)
            {
                var figure = metric.Figures.Single(f => f.Version == Versions[i]);
                var shown = Browsing.Numbers(cells[i]);
                Assert.True(shown.Count > 0, $"no number in the cell of version {Versions[i]} for {metric.View} {metric.Name}: '{cells[i]}'");
                var (value, decimals) = shown[0];
                Assert.True(
                    Math.Abs(value - figure.Value!.Value) <= 0.5 * Math.Pow(10, -decimals) + 1e-12,
                    $"{metric.View} {metric.Name} version {Versions[i]}: the table shows {cells[i]}, the API {figure.Value.Value}");
            }

            checkedRows++;
        }

        Assert.True(checkedRows >= report.Metrics.Count / 2, $"only {checkedRows} of {report.Metrics.Count} API metrics found in the table");
    }

    /// <summary>Whether a table row is the row of <paramref name="metric"/>: its leading cells name the view and the metric.</summary>
    private static bool Names(string[] row, ComparedMetric metric)
    {
        var label = string.Join(" | ", row[..^Versions.Length]);
        return label.Contains(metric.Name, StringComparison.Ordinal)
            && (metric.View is null || label.Contains(metric.View, StringComparison.Ordinal));
    }

    /// <summary>One bar or point as drawn.</summary>
    public sealed record Drawn(string Group, int Version, string Metric, string Value, string? Low, string? High);
}
