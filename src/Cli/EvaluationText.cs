using System.Globalization;
using System.Text;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluations;

namespace ModelGrid.Client.Cli;

/// <summary>
/// The text <c>grid eval</c> prints. <see cref="Report"/> is the same for a submitted job's stored result and for
/// <c>grid eval --local</c>, so equal figures read the same.
/// </summary>
public static class EvaluationText
{
    /// <summary>
    /// A result: which suite and model, the headline metrics and fairness views with intervals (<see cref="ReportText"/>;
    /// <paramref name="wide"/> for every rate of a group on one line, laid out within <paramref name="width"/>), and the
    /// warnings — summed up by kind in one line, or every one with <paramref name="allWarnings"/> (<c>--warnings</c>).
    /// </summary>
    public static string Report(EvaluationReport report, bool allWarnings = false, bool wide = false, int width = TextTable.DefaultWidth)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"suite {report.Suite}@{report.SuiteVersion} ({report.SuiteDigest[..12]}), model sha256 {report.ModelSha256[..12]}, evaluator {report.Evaluator}\n\n");
        text.Append(ReportText.Render(report, wide, width));
        text.Append("\ndefinitions: grid eval explain <metric>, e.g. grid eval explain ")
            .Append(report.Fairness.Count > 0 ? "aif360.disparate_impact" : report.Metrics.Count > 0 ? report.Metrics[0].Name : "accuracy").Append('\n');
        if (WarningSummary.Describe(report) is not { } summary)
        {
            return text.ToString();
        }

        if (!allWarnings)
        {
            text.Append(CultureInfo.InvariantCulture, $"warnings: {summary} (--warnings lists all {report.Warnings.Count})\n");
            return text.ToString();
        }

        text.Append(CultureInfo.InvariantCulture, $"warnings: {summary}\n");
        foreach (var warning in report.Warnings)
        {
            text.Append("- ").Append(warning).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>One line: id, what it runs, where it is.</summary>
    public static string Line(JobSnapshot job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return $"{job.Id:D}  {job.Spec.Model}@{job.Spec.Version.ToString(CultureInfo.InvariantCulture)} on {job.Spec.SuiteId}  {State(job)}";
    }

    /// <summary>"queued", "running on w1 (attempt 2)", "succeeded", "failed: reason", "cancelled by someone".</summary>
    public static string State(JobSnapshot job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var attempt = job.Attempt > 1 ? $" (attempt {job.Attempt.ToString(CultureInfo.InvariantCulture)})" : string.Empty;
        return job.Status switch
        {
            JobStatus.Queued => "queued" + attempt,
            JobStatus.Leased => $"running on {job.Worker ?? "a worker"}{attempt}",
            JobStatus.Succeeded => "succeeded",
            JobStatus.Failed => $"failed: {job.FailureReason ?? "no reason recorded"}",
            JobStatus.Cancelled => job.FailureReason ?? "cancelled",
            _ => job.Status.ToString().ToLowerInvariant(),
        };
    }

    /// <summary>
    /// What <c>grid eval status</c> prints: the job's details, why it may wait (the hub's warnings), whether its result
    /// was reused, then the result when it succeeded (its warnings summed up, or all of them with <paramref name="allWarnings"/>).
    /// </summary>
    public static string Status(JobSnapshot job, EvaluationReport? report, IReadOnlyList<string>? warnings = null, bool allWarnings = false, bool wide = false, int width = TextTable.DefaultWidth)
    {
        ArgumentNullException.ThrowIfNull(job);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"job {job.Id:D}\n");
        text.Append(CultureInfo.InvariantCulture, $"  model      {job.Spec.Model}@{job.Spec.Version} (revision {job.Spec.RevisionId[..Math.Min(12, job.Spec.RevisionId.Length)]})\n");
        text.Append(CultureInfo.InvariantCulture, $"  suite      {job.Spec.SuiteId} ({job.Spec.SuiteDigest[..Math.Min(12, job.Spec.SuiteDigest.Length)]}), {job.Spec.HardwareClass}\n");
        text.Append(CultureInfo.InvariantCulture, $"  status     {job.Status.ToString().ToLowerInvariant()}\n");
        foreach (var warning in warnings ?? [])
        {
            text.Append(CultureInfo.InvariantCulture, $"  waiting    {warning}\n");
        }

        if (job.ResultReused)
        {
            text.Append("  result     reused from an earlier run on the same files\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"  attempt    {job.Attempt}{(job.Worker is { } worker ? $", worker {worker}" : string.Empty)}\n");
        text.Append(CultureInfo.InvariantCulture, $"  submitted  {job.SubmittedAt:u} by {job.Spec.Requester}\n");
        if (job.StartedAt is { } started)
        {
            text.Append(CultureInfo.InvariantCulture, $"  started    {started:u}\n");
        }

        if (job.CompletedAt is { } completed)
        {
            text.Append(CultureInfo.InvariantCulture, $"  completed  {completed:u}\n");
        }

        if (job.FailureReason is { } reason)
        {
            text.Append(CultureInfo.InvariantCulture, $"  reason     {reason}\n");
        }

        if (report is not null)
        {
            text.Append('\n').Append(Report(report, allWarnings, wide, width));
        }

        return text.ToString();
    }
}
