using System.Text;
using ModelGrid.Evaluation.Kinds;
using ModelGrid.Evaluation.Running;
using ModelGrid.Hub;
using ModelGrid.Silo.Auth;
using ModelGrid.Silo.Evaluation;
using ModelGrid.Silo.Hub;
using ModelGrid.Silo.Infrastructure;
using ModelGrid.Silo.Web.Pages;

namespace ModelGrid.Silo.Web.Compare;

/// <summary>
/// <c>/models/{owner}/{name}/compare?versions=1,2,3&amp;suite=…</c>: the compare page, and with <c>&amp;format=csv</c> or
/// <c>&amp;format=json</c> its numbers as a download. Every figure comes from <see cref="EvaluationQueries.CompareAsync"/>,
/// the computation behind the compare API and <c>grid compare</c>; the JSON download is that API's body.
/// </summary>
public static class CompareEndpoint
{
    /// <summary>The page's route.</summary>
    public const string Route = "/models/{owner}/{name}/compare";

    /// <summary>Maps the page and its downloads as one GET endpoint of the browser pages.</summary>
    /// <param name="app">The app.</param>
    public static WebApplication MapComparePage(this WebApplication app)
    {
        app.MapGet(Route, CompareAsync).ExcludeFromDescription().WithMetadata(WebPage.Instance);
        return app;
    }

    /// <summary>Answers the page or a download.</summary>
    public static async Task<IResult> CompareAsync(string owner, string name, HttpContext context, EvaluationQueries evaluations, SuiteCatalog suites, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        var format = query["format"].ToString();
        var download = format is "csv" or "json";
        var caller = context.Caller();
        var page = new ComparePageModel { Owner = owner, Name = name };
        try
        {
            if (format.Length > 0 && !download)
            {
                throw HubException.Invalid($"format is csv or json, not '{format}'");
            }

            var (id, _) = await ModelAccess.ReadableAsync(grains, caller, owner, name);
            page.Id = id;
            page.Versions = [.. (await grains.GetGrain<IModelGrain>(id.ToString()).ListVersions()).Where(v => v.Status == VersionStatus.Published)];
            page.Suites = [.. suites.All.Where(s => SuiteKinds.Default.Get(s.Spec.Kind).NotComparable(s) is null).Select(s => s.Spec.Id)];
            page.Chosen = Numbers(query["versions"]);
            page.Suite = query["suite"].ToString() is { Length: > 0 } suite ? suite : null;
            page.View = query["view"].ToString() is { Length: > 0 } view ? view : null;
            page.Rate = query["rate"].ToString() is { Length: > 0 } rate ? rate : null;
            if (page.Suite is not null || page.Chosen.Count > 0 || download)
            {
                if (page.Suite is null)
                {
                    throw HubException.Invalid("pick a suite to compare on: ?suite=<id>&versions=1,2,3");
                }

                page.Report = await evaluations.CompareAsync(caller, id, page.Chosen, page.Suite, null, context.RequestAborted);
            }
        }
        catch (HubException e)
        {
            if (download)
            {
                return TypedResults.Problem(e.Message, statusCode: HubExceptionHandler.StatusOf(e.Kind), title: e.Title);
            }

            page.Problem = new PageProblem(HubExceptionHandler.StatusOf(e.Kind), e.Title, e.Message);
        }

        var file = $"{owner}-{name}-{page.Suite}-{string.Join('-', page.Chosen)}";
        return format switch
        {
            "json" => Attachment(context, $"{file}.json", TypedResults.Json(page.Report, EvaluationJson.Options)),
            "csv" => Attachment(context, $"{file}.csv", TypedResults.Text(ComparisonCsv.Render(page.Report!), "text/csv; charset=utf-8", Encoding.UTF8)),
            _ => WebResults.Page<ComparePage>(page.Problem?.Status ?? StatusCodes.Status200OK, new Dictionary<string, object?> { [nameof(ComparePage.Model)] = page }),
        };
    }

    /// <summary>The version numbers of <c>versions</c>: comma-separated, repeated (a form's checkboxes), or both.</summary>
    /// <param name="values">The query's values.</param>
    public static IReadOnlyList<int> Numbers(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var numbers = new List<int>();
        foreach (var part in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            numbers.Add(VersionRef.TryParseNumber(part, out var n) ? n : throw HubException.Invalid($"in versions, {VersionRef.NotANumber(part)}"));
        }

        return numbers;
    }

    private static IResult Attachment(HttpContext context, string fileName, IResult body)
    {
        var safe = new string([.. fileName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_')]);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{safe}\"";
        return body;
    }
}
