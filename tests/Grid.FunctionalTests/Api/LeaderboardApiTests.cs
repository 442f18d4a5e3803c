using System.Globalization;
using System.Net;
using System.Text.Json;
using ModelGrid.Api;
using ModelGrid.Evaluation.Leaderboards;
using ModelGrid.Evaluation.Running;
using ModelGrid.Hub;
using static ModelGrid.FunctionalTests.Api.EvaluationCalls;

namespace ModelGrid.FunctionalTests.Api;

[Collection(GridAppGroup.Name)]
public sealed class LeaderboardApiTests(GridAppFactory app)
{
    private const string Suite = "compas-recidivism";
    private const string Headline = "equalized_odds_difference.worst_case.between_groups";

    private readonly EvaluationCalls _calls = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Leaderboard_BiasSuite_RanksReadableVersionsOnTheirRecordedDisparityWithIntervals()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(SampleFile(Suite, 1), Unique());
        await model.PublishAsync(SampleFile(Suite, 4), Unique());
        var hidden = await HubTestModel.CreateAsync(app, ModelVisibility.Private);
        await hidden.PublishAsync(SampleFile(Suite, 2), Unique());
        var results = new Dictionary<(ModelId, int), EvaluationReport>();
        foreach (var (m, v) in new[] { (model, 1), (model, 2), (hidden, 1) })
        {
            var view = await _calls.SubmitViewAsync(m.Token, new SubmitEvaluationRequest(m.Id.ToString(), Suite, v.ToString(CultureInfo.InvariantCulture)));
            results[(m.Id, v)] = Report(await _calls.WaitAsync(view.Job.Id));
        }

        var anonymous = await GetAsync(null, $"/api/v1/suites/{Suite}/leaderboard");
        var owner = await GetAsync(hidden.Token, $"/api/v1/suites/{Suite}/leaderboard");

        Assert.Equal(Suite, anonymous.Suite);
        Assert.Equal(new LeaderboardMetric(Headline, "race", false, anonymous.Metric.Definition), anonymous.Metric);
        Assert.Equal(LeaderboardRanking.TieRule, anonymous.TieRule);
        foreach (var v in new[] { 1, 2 })
        {
            var entry = Assert.Single(anonymous.Entries, e => e.Model == model.Id && e.Version == v);
            var recorded = results[(model.Id, v)].Fairness.Single(f => f.Name == "race").Disparities.Single(d => d.Name == Headline);
            Assert.Equal(recorded, entry.Value);
            Assert.True(entry.Value.Lower < entry.Value.Upper, "a bias result's headline has its bootstrap interval");
            Assert.Equal("cpu", entry.HardwareClass);
        }

        Assert.DoesNotContain(anonymous.Entries, e => e.Model == hidden.Id);
        var mine = Assert.Single(owner.Entries, e => e.Model == hidden.Id);
        Assert.Equal(results[(hidden.Id, 1)].Fairness.Single(f => f.Name == "race").Disparities.Single(d => d.Name == Headline), mine.Value);
        AssertRankedByTheTieRule(anonymous);
        AssertRankedByTheTieRule(owner);
    }

    [Fact]
    public async Task Leaderboard_HardwareFilter_KeepsResultsOfThatClassOnly()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(SampleFile(Suite, 3), Unique());
        await _calls.WaitAsync((await _calls.SubmitViewAsync(model.Token, new SubmitEvaluationRequest(model.Id.ToString(), Suite, "1"))).Job.Id);

        var cpu = await GetAsync(null, $"/api/v1/suites/{Suite}/leaderboard?hardware=cpu");
        var gpu = await GetAsync(null, $"/api/v1/suites/{Suite}/leaderboard?hardware=gpu");

        Assert.Equal("cpu", cpu.Hardware);
        Assert.Contains(cpu.Entries, e => e.Model == model.Id);
        Assert.All(cpu.Entries, e => Assert.Equal("cpu", e.HardwareClass));
        Assert.DoesNotContain(gpu.Entries, e => e.Model == model.Id);
        Assert.All(gpu.Entries, e => Assert.Equal("gpu", e.HardwareClass));
    }

    [Fact]
    public async Task Leaderboard_UnknownSuiteOrHardware_ProblemDetails()
    {
        await ApiAssert.ProblemAsync(await app.Http().GetAsync(new Uri("/api/v1/suites/nope/leaderboard", UriKind.Relative), Ct), HttpStatusCode.NotFound, "Suite not found");
        await ApiAssert.ProblemAsync(await app.Http().GetAsync(new Uri($"/api/v1/suites/{Suite}/leaderboard?hardware=tpu", UriKind.Relative), Ct), HttpStatusCode.BadRequest);
    }

    /// <summary>Best first, and each rank what the documented rule gives from the entries above it.</summary>
    private static void AssertRankedByTheTieRule(Leaderboard board)
    {
        var ranked = board.Entries.Where(e => e.Rank is not null).ToList();
        Assert.NotEmpty(ranked);
        Assert.Equal(1, ranked[0].Rank);
        var leader = ranked[0];
        for (var i = 1; i < ranked.Count; i++)
        {
            Assert.True(ranked[i].Value.Value >= ranked[i - 1].Value.Value, $"entry {i} is better than the one above it");
            var overlaps = leader.Value.Lower <= ranked[i].Value.Upper && ranked[i].Value.Lower <= leader.Value.Upper;
            if (overlaps)
            {
                Assert.Equal(leader.Rank, ranked[i].Rank);
                Assert.True(ranked[i].Tied && leader.Tied);
            }
            else
            {
                Assert.Equal(i + 1, ranked[i].Rank);
                leader = ranked[i];
            }
        }
    }

    private async Task<Leaderboard> GetAsync(string? token, string path)
    {
        var response = await app.Http(token).GetAsync(new Uri(path, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        return JsonSerializer.Deserialize<Leaderboard>(body, EvaluationJson.Options)!;
    }
}
