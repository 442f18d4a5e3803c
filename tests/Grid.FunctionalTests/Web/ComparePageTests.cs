using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelGrid.Api;
using ModelGrid.Evaluation.Comparison;
using ModelGrid.Evaluation.Running;
using ModelGrid.Formats;
using ModelGrid.FunctionalTests.Api;
using ModelGrid.Hub;
using ModelGrid.Silo.Web.Compare;
using static ModelGrid.FunctionalTests.Api.EvaluationCalls;

namespace ModelGrid.FunctionalTests.Web;

[Collection(GridAppGroup.Name)]
public sealed partial class ComparePageTests(GridAppFactory app)
{
    private const string Suite = "compas-recidivism";

    private readonly EvaluationCalls _calls = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ComparePage_ThreeVersions_TableChartsAndDownloadsCarryTheCompareApisNumbers()
    {
        var model = await EvaluatedAsync(1, 2, 4);
        var query = $"versions=1,2,3&suite={Suite}";
        var apiBody = await (await app.Http().GetAsync(new Uri($"/api/v1/models/{model.Id}/compare?{query}", UriKind.Relative), Ct)).Content.ReadAsByteArrayAsync(Ct);
        var report = JsonSerializer.Deserialize<ComparisonReport>(apiBody, EvaluationJson.Options)!;

        var page = await GetPageAsync($"/models/{model.Id}/compare?{query}");
        var json = await app.Http().GetAsync(new Uri($"/models/{model.Id}/compare?{query}&format=json", UriKind.Relative), Ct);
        var csv = await app.Http().GetAsync(new Uri($"/models/{model.Id}/compare?{query}&format=csv", UriKind.Relative), Ct);

        // The table: one row per compared metric, one cell per version with the API's value, delta and significance.
        var rows = TableRows(page);
        Assert.Equal(report.Metrics.Count, rows.Count);
        foreach (var metric in report.Metrics.Where(m => m.NotReported is null))
        {
            var cells = rows[(metric.View ?? "", metric.Name)];
            Assert.Equal(report.Versions, cells.Select(c => int.Parse(c["data-version"], CultureInfo.InvariantCulture)));
            foreach (var (figure, cell) in metric.Figures.Zip(cells))
            {
                Assert.Equal(Six(figure.Value?.Value), cell["data-value"]);
                Assert.Equal(Six(figure.Value?.Lower), cell["data-low"]);
                Assert.Equal(Six(figure.Value?.Upper), cell["data-high"]);
                Assert.Equal(Six(figure.Delta?.Value), cell["data-delta"]);
                Assert.Equal(figure.Significant switch { true => "true", false => "false", null => "" }, cell["data-significant"]);
            }
        }

        Assert.Contains(report.Metrics.SelectMany(m => m.Figures), f => f.Significant == true);
        Assert.Contains("* significant", page, StringComparison.Ordinal);

        // The bar chart: the first view's first per-group rate, every reported group and version, the API's figures.
        Assert.Matches("<svg [^>]*id=\"chart-bars\"[^>]*role=\"img\"[^>]*aria-labelledby=\"chart-bars-title chart-bars-desc\"", page);
        Assert.Matches("<svg [^>]*id=\"chart-lines\"[^>]*role=\"img\"", page);
        var bars = Elements(page, "rect", "bar");
        var groupRates = report.Metrics.Where(m => m.View == "race" && m.Name.EndsWith("].selection_rate", StringComparison.Ordinal) && m.NotReported is null).ToList();
        Assert.Equal(groupRates.Count * 3, bars.Count);
        foreach (var bar in bars)
        {
            Assert.Equal("selection_rate", bar["data-metric"]);
            var figure = groupRates.Single(m => m.Name == $"group[{bar["data-group"]}].selection_rate").Figures.Single(f => f.Version.ToString(CultureInfo.InvariantCulture) == bar["data-version"]);
            Assert.Equal(Six(figure.Value!.Value), bar["data-value"]);
            Assert.Equal(Six(figure.Value.Lower), bar["data-low"]);
            Assert.Equal(Six(figure.Value.Upper), bar["data-high"]);
        }

        Assert.Equal(bars.Count, Elements(page, "circle", "point").Count);

        // The downloads: the JSON is the API's body; the CSV reads back to the API's numbers exactly.
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(apiBody, await json.Content.ReadAsByteArrayAsync(Ct));
        Assert.StartsWith("attachment;", json.Content.Headers.ContentDisposition?.ToString() ?? json.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var records = ReadCsv(await csv.Content.ReadAsStringAsync(Ct));
        Assert.Equal(ComparisonCsv.Columns, records[0]);
        Assert.Equal(1 + (report.Metrics.Count * 3), records.Count);
        foreach (var record in records.Skip(1))
        {
            var metric = report.Metrics.Single(m => (m.View ?? "") == record[0] && m.Name == record[1]);
            var figure = metric.Figures.Single(f => f.Version.ToString(CultureInfo.InvariantCulture) == record[2]);
            Assert.Equal(figure.Value?.Value, ComparisonCsv.ParseNumber(record[4]));
            Assert.Equal(figure.Value?.Lower, ComparisonCsv.ParseNumber(record[5]));
            Assert.Equal(figure.Delta?.Value, ComparisonCsv.ParseNumber(record[7]));
        }
    }

    [Fact]
    public async Task ComparePage_OneVersion_ExplainsOnThePageAndDownloadsAreProblems()
    {
        var model = await EvaluatedAsync(1);

        var page = await app.Http().GetAsync(new Uri($"/models/{model.Id}/compare?versions=1&suite={Suite}", UriKind.Relative), Ct);
        var picker = await GetPageAsync($"/models/{model.Id}/compare");
        var csv = await app.Http().GetAsync(new Uri($"/models/{model.Id}/compare?versions=1&suite={Suite}&format=csv", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("compare needs two or more different versions", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" id=\"compare-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.Contains("Pick two or more versions and a suite", picker, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{Suite}\"", picker, StringComparison.Ordinal);
        await ApiAssert.ProblemAsync(csv, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ComparePage_PrivateModel_NotFoundToOthersShownToItsOwner()
    {
        var model = await HubTestModel.CreateAsync(app, ModelVisibility.Private);
        await model.PublishAsync(Unique());

        var anonymous = await app.Http().GetAsync(new Uri($"/models/{model.Id}/compare", UriKind.Relative), Ct);
        var owner = await app.Http(model.Token).GetAsync(new Uri($"/models/{model.Id}/compare", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        var html = await anonymous.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Model not found", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        Assert.Contains($"Compare versions of <a href=\"/models/{model.Id}\">{model.Id}</a>", await owner.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task<HubTestModel> EvaluatedAsync(params int[] samples)
    {
        var model = await HubTestModel.CreateAsync(app);
        foreach (var sample in samples)
        {
            await model.PublishAsync(SampleFile(Suite, sample), Unique());
        }

        for (var v = 1; v <= samples.Length; v++)
        {
            var view = await _calls.SubmitViewAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), Suite, v.ToString(CultureInfo.InvariantCulture)));
            await _calls.WaitAsync(view.Job.Id);
        }

        return model;
    }

    private async Task<string> GetPageAsync(string path)
    {
        var response = await app.Http().GetAsync(new Uri(path, UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        return html;
    }

    private static string Six(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("F6", CultureInfo.InvariantCulture) : "";

    /// <summary>The compare table's rows by view and metric, each with its version cells' data attributes.</summary>
    private static Dictionary<(string View, string Metric), List<Dictionary<string, string>>> TableRows(string html)
    {
        var table = TableRegex().Match(html);
        Assert.True(table.Success, "the page has no compare-table");
        return RowRegex().Matches(table.Value).ToDictionary(
            row => (WebUtility.HtmlDecode(row.Groups["view"].Value), WebUtility.HtmlDecode(row.Groups["metric"].Value)),
            row => CellRegex().Matches(row.Groups["cells"].Value).Select(c => Attributes(c.Value)).ToList());
    }

    private static List<Dictionary<string, string>> Elements(string html, string element, string cssClass) =>
        [.. new Regex($"<{element} class=\"{cssClass}\"[^>]*>").Matches(html).Select(m => Attributes(m.Value))];

    private static Dictionary<string, string> Attributes(string tag) =>
        AttributeRegex().Matches(tag).ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value), StringComparer.Ordinal);

    private static List<string[]> ReadCsv(string text)
    {
        var reader = new CsvRecordReader(text, new CsvDialect(), "compare.csv");
        var rows = new List<string[]>();
        while (reader.MoveNext())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.Field(i).ToString())]);
        }

        return rows;
    }

    [GeneratedRegex("<table id=\"compare-table\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex TableRegex();

    [GeneratedRegex("<tr data-view=\"(?<view>[^\"]*)\" data-metric=\"(?<metric>[^\"]*)\">(?<cells>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowRegex();

    [GeneratedRegex("<td class=\"num\" data-version=[^>]*>")]
    private static partial Regex CellRegex();

    [GeneratedRegex("([a-z-]+)=\"([^\"]*)\"")]
    private static partial Regex AttributeRegex();
}
