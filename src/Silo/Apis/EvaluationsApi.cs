using Microsoft.AspNetCore.Http.HttpResults;
using ModelGrid.Api;
using ModelGrid.Evaluations;
using ModelGrid.Hub;
using ModelGrid.Silo.Auth;
using ModelGrid.Silo.Evaluation;
using ModelGrid.Silo.Infrastructure;

namespace ModelGrid.Silo.Apis;

/// <summary><c>/api/v1/evaluations</c>: submit (deduplicated, results reused, rate-limited), get, list, cancel, logs.</summary>
public static class EvaluationsApi
{
    public static RouteGroupBuilder MapEvaluationsApi(this RouteGroupBuilder api)
    {
        var evaluations = api.MapGroup("/evaluations").WithTags("Evaluations");
        evaluations.MapPost("/", SubmitEvaluation).WithName(nameof(SubmitEvaluation))
            .WithMetadata(new RepeatableWrite(call => call.Arguments.OfType<SubmitEvaluationRequest>().FirstOrDefault() is { Force: false }))
            .Documented("Submit an evaluation", "Queues a suite on a published version (version: a number, as a JSON number or string, an alias or a revision id; default latest). 202 with Location for a new job; 200 with the existing job when the same files, suite and evaluator have one (deduplicated) or a result is reused, unless force. warnings say why a job may wait; 409 when it needs a GPU and no worker with one ever joined; 429 with Retry-After past the per-token rate.")
            .RequestExample("""{"model": "demo/mnist", "suite": "mnist-accuracy", "version": 1, "force": false}""")
            .ResponseHeader("Location", "The new job, /api/v1/evaluations/{id}.", StatusCodes.Status202Accepted)
            .ResponseHeader("Retry-After", "Seconds until the token may submit again.", StatusCodes.Status429TooManyRequests)
            .NeedsToken().Problems(400, 403, 404, 409, 429, 503);
        evaluations.MapGet("/", ListEvaluations).WithName(nameof(ListEvaluations))
            .Documented("List a model's evaluations", "The jobs of model=owner/name (or one version), newest first, optionally of one status.")
            .Problems(400, 404, 503);
        evaluations.MapGet("/{id:guid}", GetEvaluation).WithName(nameof(GetEvaluation))
            .Documented("Get an evaluation", "A job's status, attempt, worker and failure reason, and for a succeeded job its recorded result (result=false leaves it out).")
            .Problems(404, 503);
        evaluations.MapPost("/{id:guid}/cancel", CancelEvaluation).WithName(nameof(CancelEvaluation))
            .Documented("Cancel an evaluation", "Cancels a queued or running job (its submitter, the model's publishers or an admin); a running job stops within about a second and records nothing.")
            .NeedsToken().Problems(403, 404, 503);
        evaluations.MapGet("/{id:guid}/logs", GetEvaluationLog).WithName(nameof(GetEvaluationLog))
            .Documented("Get an evaluation's log", "The bounded log of the job's runs, oldest line first (its submitter, the model's publishers or an admin).")
            .NeedsToken().Problems(403, 404, 503);
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
