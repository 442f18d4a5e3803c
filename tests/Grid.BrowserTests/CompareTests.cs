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
    private static readonly System.Text.Json.JsonSerializerOptions PageJson = new(System.Text.Json.JsonSerializerDefaults.Web);

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

        // At a phone's width the charts shrink to the screen and nothing scrolls sideways.
        await using var phone = await browser.NewContextAsync(375, 812);
        var small = await phone.NewPageAsync();
        await small.GotoAsync(hub.At($"/models/{Adult}/compare?versions=1,2,3&suite={Suite}"));
        await Expect(small.Locator("svg#chart-bars")).ToBeVisibleAsync();
        var widths = await small.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"the compare page is {widths[0]} px wide at a {widths[1]} px viewport");
        await Screenshots.SaveAsync(small, "phone-compare");
    }

    /// <summary>The chart's figures as its data attributes say.</summary>
    private static async Task<IReadOnlyList<Drawn>> ReadAsync(ILocator marks) =>
        Parse<Drawn[]>(await marks.EvaluateAllAsync<string>("""
            marks => JSON.stringify(marks.map(m => ({
                group: m.dataset.group, version: Number(m.dataset.version), metric: m.dataset.metric,
                value: m.dataset.value, low: m.dataset.low ?? null, high: m.dataset.high ?? null })))
            """));

    /// <summary>What the page's script handed back as JSON, as records.</summary>
    private static T Parse<T>(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<T>(json, PageJson)
        ?? throw new InvalidOperationException("the page's script returned nothing");

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

    /// <summary>
    /// Every metric the API reports has its row (view and metric), and each version's cell shows the API's value and
    /// interval (to the decimals printed, and exactly in its data attributes) and, after the baseline, its significance.
    /// </summary>
    private static async Task CheckTableAsync(ILocator table, ComparisonReport report)
    {
        await Expect(table).ToBeVisibleAsync();
        var rows = Parse<Row[]>(await table.Locator("tbody tr").EvaluateAllAsync<string>("""
            rows => JSON.stringify(rows.map(r => ({
                view: r.dataset.view, metric: r.dataset.metric,
                cells: [...r.querySelectorAll('td[data-version]')].map(c => ({
                    version: Number(c.dataset.version), value: c.dataset.value, low: c.dataset.low, high: c.dataset.high,
                    significant: c.dataset.significant, figure: c.querySelector('.figure')?.innerText ?? '', text: c.innerText })) })))
            """));
        Assert.Equal(report.Metrics.Count, rows.Length);
        foreach (var metric in report.Metrics.Where(m => m.NotReported is null))
        {
            var row = rows.SingleOrDefault(r => r.View == (metric.View ?? "") && r.Metric == metric.Name);
            Assert.True(row is not null, $"the table has no row for {metric.View ?? "overall"} {metric.Name}");
            Assert.Equal(Versions, row.Cells.Select(c => c.Version));
            foreach (var figure in metric.Figures.Where(f => f.Value is not null && double.IsFinite(f.Value.Value)))
            {
                var cell = row.Cells.Single(c => c.Version == figure.Version);
                var what = $"{metric.View ?? "overall"} {metric.Name} version {figure.Version}";
                Assert.Equal(Six(figure.Value!.Value), cell.Value);
                var shown = Browsing.Numbers(cell.Figure);
                Assert.True(shown.Count >= 3, $"{what}: '{cell.Figure}' shows no value and interval");
                Near(figure.Value.Value, shown[0], what);
                Near(figure.Value.Lower, shown[1], what + " (lower)");
                Near(figure.Value.Upper, shown[2], what + " (upper)");
                switch (figure.Significant)
                {
                    case true:
                        Assert.Equal("true", cell.Significant);
                        Assert.Contains("* significant", cell.Text, StringComparison.Ordinal);
                        break;
                    case false:
                        Assert.Equal("false", cell.Significant);
                        Assert.Contains("not significant", cell.Text, StringComparison.Ordinal);
                        break;
                    default:
                        Assert.DoesNotContain("significant", cell.Text, StringComparison.Ordinal);
                        break;
                }
            }
        }
    }

    private static void Near(double expected, (double Value, int Decimals) shown, string what) =>
        Assert.True(
            Math.Abs(shown.Value - expected) <= 0.5 * Math.Pow(10, -shown.Decimals) + 1e-12,
            $"{what}: the page shows {shown.Value}, the API {expected}");

    /// <summary>One row of the comparison table as the page renders it.</summary>
    public sealed record Row(string View, string Metric, Cell[] Cells);

    /// <summary>One version's cell of a row.</summary>
    public sealed record Cell(int Version, string Value, string Low, string High, string Significant, string Figure, string Text);

    /// <summary>One bar or point as drawn.</summary>
    public sealed record Drawn(string Group, int Version, string Metric, string Value, string? Low, string? High);
}
