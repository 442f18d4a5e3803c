using ModelGrid.Evaluation.Running;
using ModelGrid.Hub;
using ModelGrid.Silo.Auth;
using ModelGrid.Silo.Evaluation;
using ModelGrid.Silo.Hub;

namespace ModelGrid.Silo.Apis;

/// <summary><c>/api/v1/models/{owner}/{name}/compare</c>: versions side by side on one suite, with paired deltas.</summary>
public static class CompareApi
{
    public static RouteGroupBuilder MapCompareApi(this RouteGroupBuilder api)
    {
        api.MapGet("/models/{owner}/{name}/compare", CompareVersions).WithTags("Compare").WithName(nameof(CompareVersions))
            .Documented("Compare versions on a suite", "The recorded results of versions=1,2,3 on suite= side by side, with paired-bootstrap deltas against the baseline (default: the first) and whether each delta's interval excludes 0.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Problems(400, 404, 409, 503);
        return api;
    }

    public static async Task<IResult> CompareVersions(string owner, string name, string? versions, string? suite, int? baseline, HttpContext context, EvaluationQueries evaluations)
    {
        var id = ModelAccess.ParseId(owner, name);
        if (string.IsNullOrWhiteSpace(suite))
        {
            throw HubException.Invalid("compare names its suite: ?suite=<id>&versions=1,2,3[&baseline=1]");
        }

        var numbers = new List<int>();
        foreach (var part in (versions ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            numbers.Add(VersionRef.TryParseNumber(part, out var n)
                ? n
                : throw HubException.Invalid($"in versions, {VersionRef.NotANumber(part)}"));
        }

        var report = await evaluations.CompareAsync(context.Caller(), id, numbers, suite, baseline, context.RequestAborted);
        return Results.Json(report, EvaluationJson.Options);
    }
}
