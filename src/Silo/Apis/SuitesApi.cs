using Microsoft.AspNetCore.Http.HttpResults;
using ModelGrid.Api;
using ModelGrid.Evaluation.Suites;
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
        return api;
    }

    public static Ok<IReadOnlyList<SuiteView>> ListSuites(SuiteCatalog catalog) =>
        TypedResults.Ok<IReadOnlyList<SuiteView>>([.. catalog.All.Select(s => View(s, withCard: false))]);

    public static Ok<SuiteView> GetSuite(string id, SuiteCatalog catalog) => TypedResults.Ok(View(catalog.Get(id), withCard: true));

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
