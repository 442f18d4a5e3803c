using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;
using ModelGrid.Evaluations;

namespace ModelGrid.Client.Cli.Tests;

public sealed class EvaluationTextTests
{
    private static readonly Guid Id = Guid.Parse("4dc745d8-8dd2-4a4e-9091-83a931831860");

    [Theory]
    [InlineData(JobStatus.Queued, 1, null, null, "queued")]
    [InlineData(JobStatus.Queued, 2, null, null, "queued (attempt 2)")]
    [InlineData(JobStatus.Leased, 1, "vm/42", null, "running on vm/42")]
    [InlineData(JobStatus.Succeeded, 1, "vm/42", null, "succeeded")]
    [InlineData(JobStatus.Failed, 3, "vm/42", "the model's input 'x' is not mapped", "failed: the model's input 'x' is not mapped")]
    [InlineData(JobStatus.Cancelled, 1, null, "cancelled by alice", "cancelled by alice")]
    public void Line_EachStatus_IdModelSuiteAndState(JobStatus status, int attempt, string? worker, string? reason, string state)
    {
        var job = Job(status, attempt, worker, reason);

        Assert.Equal($"4dc745d8-8dd2-4a4e-9091-83a931831860  demo/compas-recidivism@4 on compas-recidivism  {state}", EvaluationText.Line(job));
    }

    [Fact]
    public void Status_FailedJob_ReasonAndNoResult()
    {
        var text = EvaluationText.Status(Job(JobStatus.Failed, 3, "vm/42", "out of memory"), null);

        Assert.StartsWith("job 4dc745d8-8dd2-4a4e-9091-83a931831860\n  model      demo/compas-recidivism@4 (revision e729832aaf7a)\n", text, StringComparison.Ordinal);
        Assert.Contains("  status     failed\n  attempt    3, worker vm/42\n", text, StringComparison.Ordinal);
        Assert.EndsWith("  reason     out of memory\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_QueuedJobWithAWarning_ShowsWhyItWaits()
    {
        var text = EvaluationText.Status(Job(JobStatus.Queued, 1, null, null), null, ["no worker with a GPU is connected now; the job waits until one joins"]);

        Assert.Contains("  status     queued\n  waiting    no worker with a GPU is connected now; the job waits until one joins\n  attempt    1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_ReusedResult_SaysSoWithoutAWorker()
    {
        var text = EvaluationText.Status(Job(JobStatus.Succeeded, 1, null, null) with { ResultReused = true }, null);

        Assert.Contains("  status     succeeded\n  result     reused from an earlier run on the same files\n  attempt    1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ManyWarnings_OneSummaryLineNamingTheFlag()
    {
        var text = EvaluationText.Report(ReportWithWarnings());

        Assert.EndsWith(
            "warnings: 4 groups below the minimum size (not reported); 4 intervals from fewer replicates (the figure was undefined in some) (--warnings lists all 8)\n",
            text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("- race x sex: warning 1", text, StringComparison.Ordinal);
        Assert.Contains("\ndefinitions: grid eval explain <metric>, e.g. grid eval explain aif360.disparate_impact\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_AllWarnings_ListsEveryOneAfterTheSummary()
    {
        var text = EvaluationText.Report(ReportWithWarnings(), allWarnings: true);

        Assert.EndsWith(
            "warnings: 4 groups below the minimum size (not reported); 4 intervals from fewer replicates (the figure was undefined in some)\n"
            + string.Concat(Enumerable.Range(1, 8).Select(i => $"- race x sex: warning {i}\n")),
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Status_AllWarnings_ReachTheReport()
    {
        var text = EvaluationText.Status(Job(JobStatus.Succeeded, 1, "vm/42", null), ReportWithWarnings(), null, allWarnings: true);

        Assert.Contains("- race x sex: warning 8\n", text, StringComparison.Ordinal);
    }

    private static EvaluationReport ReportWithWarnings() => new(
        "compas-recidivism", 1, new string('c', 64), SuiteKind.Bias, TaskKind.Binary, Evaluator.Version, new string('m', 64), 7214, 3251,
        [new MetricValue("accuracy", 0.65, 0.64, 0.66, 1000, 0)],
        [new FairnessView("race x sex", ["race", "sex"], "Caucasian, Female", [new GroupRow("Asian, Female", 2, 1, 0, 0, 1, 1, false, [], "n = 2, below the minimum of 30: not reported")], [], [])],
        null,
        new BootstrapSpec(1000, 7, 0.95),
        new RunEnvironment("1.31.0", "CPU", "CPU", null, "test cpu", null, 2, 1, "linux", ".NET 10", "cpu"),
        new RunTimings(1, 2, 3, 4),
        [.. Enumerable.Range(1, 8).Select(i => $"race x sex: warning {i}")],
        null,
        [new WarningCount(MetricWarningKind.SmallGroup, 4), new WarningCount(MetricWarningKind.UndefinedReplicates, 4)]);

    private static JobSnapshot Job(JobStatus status, int attempt, string? worker, string? reason) => new(
        Id,
        new JobSpec(new ModelId("demo", "compas-recidivism"), 4, "e729832aaf7a" + new string('0', 52), "compas-recidivism", "67067f97732c" + new string('1', 52), "modelgrid-eval/1", HardwareClasses.Cpu, false, false, "alice"),
        status,
        attempt,
        worker is null ? null : "lease",
        worker,
        null,
        reason,
        status == JobStatus.Succeeded ? "results/x" : null,
        new DateTimeOffset(2026, 12, 4, 2, 43, 14, TimeSpan.Zero),
        null,
        null);
}
