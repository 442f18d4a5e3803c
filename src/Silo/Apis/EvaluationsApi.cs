using Microsoft.AspNetCore.Http.HttpResults;
using ModelGrid.Api;
using ModelGrid.Evaluations;
using ModelGrid.Hub;
using ModelGrid.Silo.Auth;
using ModelGrid.Silo.Evaluation;

namespace ModelGrid.Silo.Apis;

/// <summary><c>/api/v1/evaluations</c>: submit (deduplicated, results reused, rate-limited), get, list, cancel, logs.</summary>
public static class EvaluationsApi
{
    public static RouteGroupBuilder MapEvaluationsApi(this RouteGroupBuilder api)
    {
        var evaluations = api.MapGroup("/evaluations").WithTags("Evaluations");
        evaluations.MapPost("/", SubmitEvaluation).WithName(nameof(SubmitEvaluation));
        evaluations.MapGet("/", ListEvaluations).WithName(nameof(ListEvaluations));
        evaluations.MapGet("/{id:guid}", GetEvaluation).WithName(nameof(GetEvaluation));
        evaluations.MapPost("/{id:guid}/cancel", CancelEvaluation).WithName(nameof(CancelEvaluation));
        evaluations.MapGet("/{id:guid}/logs", GetEvaluationLog).WithName(nameof(GetEvaluationLog));
        return api;
    }

    public static async Task<Results<Accepted<EvaluationView>, Ok<EvaluationView>>> SubmitEvaluation(
        SubmitEvaluationRequest request, HttpContext context, EvaluationQueries evaluations)
    {
        var view = await evaluations.SubmitAsync(context.Caller(), request, context.RequestAborted);

        // 200 when the answer is an existing job or a finished result (a reused one); 202 when a new job is to run.
        return view.Deduplicated || view.Job.Status == JobStatus.Succeeded
            ? TypedResults.Ok(view)
            : TypedResults.Accepted($"/api/v1/evaluations/{view.Job.Id:D}", view);
    }

    public static async Task<Ok<EvaluationView>> GetEvaluation(Guid id, bool? result, HttpContext context, EvaluationQueries evaluations) =>
        TypedResults.Ok(await evaluations.GetAsync(context.Caller(), id, result ?? true, context.RequestAborted));

    public static async Task<Ok<EvaluationList>> ListEvaluations(string? model, int? version, string? status, HttpContext context, EvaluationQueries evaluations)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            throw HubException.Invalid("list evaluations of one model: ?model=owner/name[&version=N][&status=queued|leased|succeeded|failed|cancelled]");
        }

        JobStatus? parsed = null;
        if (status is not null)
        {
            parsed = Enum.TryParse<JobStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s)
                ? s
                : throw HubException.Invalid($"'{status}' is not a status; use queued, leased, succeeded, failed or cancelled");
        }

        return TypedResults.Ok(await evaluations.ListAsync(context.Caller(), model, version, parsed));
    }

    public static async Task<Ok<EvaluationView>> CancelEvaluation(Guid id, HttpContext context, EvaluationQueries evaluations) =>
        TypedResults.Ok(await evaluations.CancelAsync(context.Caller(), id));

    public static async Task<Ok<EvaluationLog>> GetEvaluationLog(Guid id, HttpContext context, EvaluationQueries evaluations) =>
        TypedResults.Ok(await evaluations.LogAsync(context.Caller(), id));
}
