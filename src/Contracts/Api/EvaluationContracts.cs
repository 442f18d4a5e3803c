using System.Text.Json.Serialization;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluations;

namespace ModelGrid.Api;

/// <summary>Body of <c>POST /api/v1/evaluations</c>.</summary>
/// <param name="Model">The model, <c>owner/name</c>.</param>
/// <param name="Version">A version reference: a number (as a JSON number or string), an alias or a revision id (default <c>latest</c>).</param>
/// <param name="Suite">The suite's id (see <c>GET /api/v1/suites</c>).</param>
/// <param name="Force">Run again even when the same model files, suite and evaluator already have a result.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SubmitEvaluationRequest(
    [property: JsonRequired] string Model,
    [property: JsonRequired] string Suite,
    [property: JsonConverter(typeof(VersionReferenceJsonConverter))] string? Version = null,
    bool Force = false);

/// <summary>An evaluation job as the API shows it.</summary>
/// <param name="Job">The job: status, lease, attempt, result reference.</param>
/// <param name="Deduplicated">True when the submission matched an existing job, which is returned instead.</param>
/// <param name="Result">The recorded result (the stored report), when the job succeeded and it was asked for.</param>
/// <param name="Warnings">Why the job may wait longer than usual, e.g. no worker it needs is connected; null when nothing stands in its way.</param>
public sealed record EvaluationView(
    JobSnapshot Job,
    bool Deduplicated,
    [property: JsonConverter(typeof(EvaluationReportJsonConverter))] EvaluationReport? Result = null,
    IReadOnlyList<string>? Warnings = null);

/// <summary>One page of <c>GET /api/v1/evaluations</c>.</summary>
/// <param name="Items">The jobs, newest first.</param>
/// <param name="Total">How many match.</param>
public sealed record EvaluationList(IReadOnlyList<JobSnapshot> Items, int Total);

/// <summary>The bounded log of a job's runs (<c>GET /api/v1/evaluations/{id}/logs</c>).</summary>
/// <param name="Id">The job.</param>
/// <param name="Status">Its status.</param>
/// <param name="Lines">The log, oldest line first.</param>
public sealed record EvaluationLog(Guid Id, JobStatus Status, IReadOnlyList<string> Lines);

/// <summary>A suite as <c>GET /api/v1/suites</c> lists it.</summary>
/// <param name="Id">The suite's id.</param>
/// <param name="Version">Its version.</param>
/// <param name="Kind">accuracy, bias or throughput.</param>
/// <param name="Task">binary or multiclass.</param>
/// <param name="Description">One line.</param>
/// <param name="Digest">The suite digest.</param>
/// <param name="Execution">auto, cpu or gpu.</param>
/// <param name="Artifacts">The declared artifacts its data come from.</param>
/// <param name="DataCard">The data card (Markdown with YAML front matter), when asked for one suite.</param>
public sealed record SuiteView(
    string Id,
    int Version,
    string Kind,
    string Task,
    string Description,
    string Digest,
    string Execution,
    IReadOnlyList<string> Artifacts,
    string? DataCard = null);
