using Microsoft.AspNetCore.Http.HttpResults;
using ModelGrid.Api;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;
using ModelGrid.Silo.Auth;
using ModelGrid.Silo.Evaluation;

namespace ModelGrid.Silo.Apis;

/// <summary><c>/api/v1/suites</c>: the evaluation suites this grid offers.</summary>
public static class SuitesApi
{
    public static RouteGroupBuilder MapSuitesApi(this RouteGroupBuilder api)
    {
        var suites = api.MapGroup("/suites").WithTags("Suites");
        suites.MapGet("/", ListSuites).WithName(nameof(ListSuites))
            .Documented("List evaluation suites", "The suites this grid offers: id, version, kind (accuracy, bias, throughput), task, digest, execution and the artifacts their data come from.");
        suites.MapGet("/{id}", GetSuite).WithName(nameof(GetSuite))
            .Documented("Get a suite", "One suite with its data card.")
            .Problems(404);
        suites.MapGet("/{id}/leaderboard", GetLeaderboard).WithName(nameof(GetLeaderboard))
            .Documented(
                "Get a suite's leaderboard",
                "The published versions of the models the caller may read, each with its latest result on the suite as it now is, ranked on the suite's headline metric (accuracy; the worst-case equalized odds difference of the first sensitive feature for a bias suite, lower is better; samples per second at the smallest batch and most threads for throughput) with bootstrap intervals. Entries whose intervals overlap the first entry of the group above share its rank (1, 1, 3). hardware=cpu|gpu keeps results measured on that class.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Problems(400, 404, 409);
        return api;
    }

    public static Ok<IReadOnlyList<SuiteView>> ListSuites(SuiteCatalog catalog) =>
        TypedResults.Ok<IReadOnlyList<SuiteView>>([.. catalog.All.Select(s => View(s, withCard: false))]);

    public static Ok<SuiteView> GetSuite(string id, SuiteCatalog catalog) => TypedResults.Ok(View(catalog.Get(id), withCard: true));

    public static async Task<IResult> GetLeaderboard(string id, string? hardware, HttpContext context, LeaderboardQueries leaderboards) =>
        Results.Json(await leaderboards.GetAsync(context.Caller(), id, hardware, context.RequestAborted), EvaluationJson.Options);

    private static SuiteView View(Suite suite, bool withCard) => new(
        suite.Spec.Id,
        suite.Spec.Version,
        suite.Spec.Kind.ToString().ToLowerInvariant(),
        suite.Spec.Task.ToString().ToLowerInvariant(),
        suite.Spec.Description,
        suite.Digest,
        suite.Spec.Execution.ToString().ToLowerInvariant(),
        [.. suite.Artifacts.Select(a => a.Name)],
        withCard ? suite.DataCard : null);
}
