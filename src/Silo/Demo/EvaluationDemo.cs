using System.Globalization;
using Microsoft.Extensions.Options;
using ModelGrid.Auth;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluations;
using ModelGrid.Hub;
using ModelGrid.Silo.Evaluation;
using ModelGrid.Silo.Infrastructure;

namespace ModelGrid.Silo.Demo;

/// <summary>
/// The evaluation demo of the README's run command: publishes the project's sample models (Adult v1–v3, COMPAS
/// v1–v4), submits every suite to the local worker, waits, and prints the MNIST accuracy and the cross-version
/// fairness comparisons. A second run on the same data folder reuses the versions and results that exist.
/// </summary>
public sealed partial class EvaluationDemo(
    IGrainFactory grains,
    SamplePublisher samples,
    SuiteCatalog suites,
    EvaluationQueries evaluations,
    IOptions<DemoOptions> options,
    ILogger<EvaluationDemo> logger)
{

    /// <summary>The sample models and how many versions each has, as <c>eval-suites/models</c> holds them.</summary>
    public static IReadOnlyList<(string Model, string Suite, int Versions)> Samples { get; } =
        [("adult-income", "adult-income", 3), ("compas-recidivism", "compas-recidivism", 4)];

    /// <summary>Runs the demo; true when every job succeeded.</summary>
    public async Task<bool> RunAsync(bool mnistPublished, CancellationToken cancellationToken)
    {
        var jobs = new List<(string Label, Guid Id)>();
        if (mnistPublished)
        {
            var mnist = await LatestAsync(DemoPublisher.Model);
            foreach (var suite in new[] { "mnist-accuracy", "throughput-cpu" })
            {
                jobs.Add(($"{DemoPublisher.Model}@{mnist.Number} on {suite}", await SubmitAsync(mnist, suite)));
            }
        }

        var published = new Dictionary<string, List<VersionDetails>>(StringComparer.Ordinal);
        foreach (var (model, suite, count) in Samples)
        {
            var versions = await samples.PublishAsync(new ModelId(DemoPublisher.Model.Owner, model), model, count, cancellationToken);
            published[model] = versions;
            foreach (var version in versions)
            {
                jobs.Add(($"{version.Model}@{version.Number} on {suite}", await SubmitAsync(version, suite)));
            }
        }

        LogSubmitted(logger, jobs.Count);
        var final = await WaitAsync(jobs, cancellationToken);
        var failed = final.Where(j => j.Job.Status != JobStatus.Succeeded).ToList();
        foreach (var (label, job) in failed)
        {
            LogJobFailed(logger, label, job.Status, job.FailureReason ?? "no reason recorded");
        }

        var report = new System.Text.StringBuilder();
        report.Append("\n=== ModelGrid evaluation demo ===\n");
        if (mnistPublished)
        {
            var mnist = final.First(j => j.Label.EndsWith("on mnist-accuracy", StringComparison.Ordinal));
            if (mnist.Job.Status == JobStatus.Succeeded)
            {
                var result = await evaluations.GetAsync(Principal.System, mnist.Job.Id, withResult: true, cancellationToken);
                var accuracy = EvaluationJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(result.Result!.Value.GetRawText())).Metric("accuracy");
                report.Append(CultureInfo.InvariantCulture, $"\nMNIST accuracy of {mnist.Label}: {Figures.WithInterval(accuracy)} (job {mnist.Job.Id:D})\n");
            }
        }

        foreach (var (model, suite, _) in Samples)
        {
            var versions = published[model];
            var id = new ModelId(DemoPublisher.Model.Owner, model);
            try
            {
                var comparison = await evaluations.CompareAsync(Principal.System, id, [.. versions.Select(v => v.Number)], suite, versions[0].Number, cancellationToken);
                report.Append(CultureInfo.InvariantCulture, $"\n{id}, versions {string.Join(", ", versions.Select(v => v.Number))} on {suite}:\n");
                report.Append(ComparisonText.Render(comparison, ComparisonText.HeadlineMetrics));
            }
            catch (HubException e)
            {
                report.Append(CultureInfo.InvariantCulture, $"\n{id}: no comparison: {e.Message}\n");
            }
        }

        report.Append(CultureInfo.InvariantCulture, $"\n{final.Count - failed.Count} of {final.Count} evaluation jobs succeeded. Cards: ./grid card show demo/compas-recidivism@4 ; compare: ./grid compare demo/compas-recidivism --versions 1,2,3,4 --suite compas-recidivism\n");
        await Console.Out.WriteAsync(report.ToString());
        await Console.Out.FlushAsync(cancellationToken);
        return failed.Count == 0;
    }

    private async Task<Guid> SubmitAsync(VersionDetails version, string suiteId)
    {
        var submission = await evaluations.SubmitAsAsync(Principal.System, DemoVersions.Actor, version, suites.Get(suiteId), force: false);
        return submission.Job.Id;
    }

    private async Task<VersionDetails> LatestAsync(ModelId id)
    {
        var number = await grains.GetGrain<IModelGrain>(id.ToString()).Resolve(VersionRef.Latest);
        return (await grains.GetGrain<IModelVersionGrain>(id.VersionKey(number)).Get())!;
    }

    private async Task<List<(string Label, JobSnapshot Job)>> WaitAsync(List<(string Label, Guid Id)> jobs, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.Value.Timeout;
        while (true)
        {
            var snapshots = new List<(string Label, JobSnapshot Job)>();
            foreach (var (label, id) in jobs)
            {
                snapshots.Add((label, (await grains.GetGrain<IEvaluationJobGrain>(id).Get())!));
            }

            var open = snapshots.Count(s => !s.Job.IsFinal);
            if (open == 0 || DateTime.UtcNow > deadline)
            {
                return snapshots;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Demo: {Count} evaluation jobs submitted to the local worker; waiting for them")]
    private static partial void LogSubmitted(ILogger logger, int count);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Demo job {Label} ended {Status}: {Reason}")]
    private static partial void LogJobFailed(ILogger logger, string label, JobStatus status, string reason);
}
