using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelGrid.Api;
using ModelGrid.Evaluation.Leaderboards;
using ModelGrid.Evaluation.Running;
using ModelGrid.FunctionalTests.Api;
using static ModelGrid.FunctionalTests.Api.EvaluationCalls;

namespace ModelGrid.FunctionalTests.Web;

[Collection(GridAppGroup.Name)]
public sealed partial class LeaderboardPageTests(GridAppFactory app)
{
    private const string Suite = "compas-recidivism";

    private readonly EvaluationCalls _calls = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LeaderboardPage_EveryEntryOfTheApi_SameRankAndValue()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(SampleFile(Suite, 2), Unique());
        await _calls.WaitAsync((await _calls.SubmitViewAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), Suite, "1"))).Job.Id);

        var api = JsonSerializer.Deserialize<Leaderboard>(await app.Http().GetByteArrayAsync(new Uri($"/api/v1/suites/{Suite}/leaderboard", UriKind.Relative), Ct), EvaluationJson.Options)!;
        var response = await app.Http().GetAsync(new Uri($"/suites/{Suite}/leaderboard", UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<table id=\"leaderboard\">", html, StringComparison.Ordinal);
        var rows = RowRegex().Matches(html).Select(m => (
            Model: WebUtility.HtmlDecode(m.Groups["model"].Value), Version: int.Parse(m.Groups["version"].Value, CultureInfo.InvariantCulture),
            Rank: m.Groups["rank"].Value, Value: m.Groups["value"].Value)).ToList();
        Assert.Equal(api.Entries.Count, rows.Count);
        foreach (var (entry, row) in api.Entries.Zip(rows))
        {
            Assert.Equal(entry.Model.ToString(), row.Model);
            Assert.Equal(entry.Version, row.Version);
            Assert.Equal(entry.Rank?.ToString(CultureInfo.InvariantCulture) ?? "", row.Rank);
            Assert.Equal(entry.Value.Value.ToString("F6", CultureInfo.InvariantCulture), row.Value);
        }

        Assert.Contains(rows, r => r.Model == model.Id.ToString());
        Assert.Contains(api.Metric.Definition, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeaderboardPage_UnknownSuite_NotFoundPage()
    {
        var response = await app.Http().GetAsync(new Uri("/suites/nope/leaderboard", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Suite not found", html, StringComparison.Ordinal);
        Assert.Contains("<header", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuitesPage_EverySuite_LinksItsLeaderboard()
    {
        var suites = JsonSerializer.Deserialize<JsonElement>(await app.Http().GetByteArrayAsync(new Uri("/api/v1/suites", UriKind.Relative), Ct));
        var html = await app.Http().GetStringAsync(new Uri("/suites", UriKind.Relative), Ct);

        Assert.NotEqual(0, suites.GetArrayLength());
        foreach (var suite in suites.EnumerateArray())
        {
            Assert.Contains($"<a href=\"/suites/{suite.GetProperty("id").GetString()}/leaderboard\">", html, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("<tr data-model=\"(?<model>[^\"]*)\" data-version=\"(?<version>\\d+)\" data-rank=\"(?<rank>\\d*)\" data-value=\"(?<value>[^\"]*)\">")]
    private static partial Regex RowRegex();
}
