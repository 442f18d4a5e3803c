using System.Globalization;
using Microsoft.Extensions.Options;
using ModelGrid.Auth;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluations;
using ModelGrid.Hub;
using ModelGrid.Silo.Evaluation;
using ModelGrid.Silo.Infrastructure;
using ModelGrid.Storage.Artifacts;

namespace ModelGrid.Silo.Demo;

/// <summary>
/// The evaluation demo of the README's run command: publishes the demo language model <c>demo/stories260k</c> when its
/// artifacts resolve and the project's sample models (Adult v1–v3, COMPAS v1–v4), submits every suite to the local
/// worker, waits, and prints the MNIST accuracy, the language model's headline figures and the cross-version fairness
/// comparisons. A second run on the same data folder reuses the versions and results that exist. When data is missing,
/// the summary names each missing artifact once, with the ways to provide it; the rest of the demo runs as before.
/// </summary>
public sealed class EvaluationDemo(
    IGrainFactory grains,
    SamplePublisher samples,
    DemoModelPublisher models,
    OpennessDemo openness,
    SuiteCatalog suites,
    EvaluationQueries evaluations,
    ArtifactResolver artifacts,
    IOptions<DemoOptions> options,
    IOptions<ArtifactOptions> artifactOptions,
    TimeProvider time,
    RunConsole console)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The sample models and how many versions each has, as <c>eval-suites/models</c> holds them.</summary>
    public static IReadOnlyList<(string Model, string Suite, int Versions)> Samples { get; } =
        [("adult-income", "adult-income", 3), ("compas-recidivism", "compas-recidivism", 4)];

    /// <summary>The suites the demo runs on <c>demo/mnist</c>.</summary>
    public static IReadOnlyList<string> MnistSuites { get; } = ["mnist-accuracy", "throughput-cpu"];

    /// <summary>The demo language model: stories260K's KV-cache graph and its tokenizer, mirror-only artifacts.</summary>
    public static DemoModel Stories { get; } = new(
        new ModelId("demo", "stories260k"),
        ["stories260K_kv.onnx", "tok512.model"],
        "ModelGrid.Silo.Demo.stories260k-card.md",
        new ModelCreate("stories260K, a 260K-parameter Llama-architecture model of children's stories with a KV cache: the grid's demonstration language model (a fixture, not a benchmark).", "text-generation", "MIT", ["onnx", "llama", "text-generation", "tinystories"], ModelVisibility.Public));

    /// <summary>The suites the demo runs on <c>demo/stories260k</c>, in the order its summary shows them.</summary>
    public static IReadOnlyList<string> LanguageSuites { get; } = ["stories-choice", "crows-pairs", "generation-cpu"];

    /// <summary>Runs the demo; true when every job succeeded.</summary>
    public async Task<bool> RunAsync(bool mnistPublished, CancellationToken cancellationToken)
    {
        var jobs = new List<DemoJob>();
        if (mnistPublished)
        {
            var mnist = await LatestAsync(DemoPublisher.Model);
            foreach (var suite in MnistSuites)
            {
                jobs.Add(await SubmitAsync(mnist, suite));
            }
        }

        var stories = await PublishLanguageModelAsync(cancellationToken);
        if (stories is not null)
        {
            foreach (var suite in LanguageSuites)
            {
                jobs.Add(await SubmitAsync(stories, suite));
            }
        }

        var published = new Dictionary<string, List<VersionDetails>>(StringComparer.Ordinal);
        foreach (var (model, suite, count) in Samples)
        {
            var versions = await samples.PublishAsync(new ModelId(DemoPublisher.Model.Owner, model), model, count, cancellationToken);
            published[model] = versions;
            foreach (var version in versions)
            {
                jobs.Add(await SubmitAsync(version, suite));
            }
        }

        console.SamplesReady(string.Join(", ", published.Values.Select(v => $"{v[0].Model}@{v[0].Number}..{v[^1].Number}")));
        await openness.RunAsync(published, cancellationToken);

        // A submission that finds a recorded result for the same files (a restart) gets a job that has already succeeded.
        var reused = jobs.Count(j => j.Job.IsFinal);
        console.Submitted(reused, jobs.Count - reused);
        var final = await WaitAsync(jobs, cancellationToken);
        var failed = final.Where(j => j.Job.Status != JobStatus.Succeeded).ToList();
        var missing = await FindMissingAsync(mnistPublished, stories is not null, failed, cancellationToken);
        var missingNames = missing.Select(m => m.Artifact.Name).ToHashSet(StringComparer.Ordinal);
        var blocked = failed.Where(j => suites.Get(j.Suite).Artifacts.Any(a => missingNames.Contains(a.Name))).ToList();

        var report = new System.Text.StringBuilder();
        report.Append("\n=== ModelGrid evaluation demo ===\n");
        if (final.FirstOrDefault(j => j.Suite == MnistSuites[0]) is { Job.Status: JobStatus.Succeeded } mnistJob)
        {
            var result = await evaluations.GetAsync(Principal.System, mnistJob.Job.Id, withResult: true, cancellationToken);
            var accuracy = result.Result!.Metric("accuracy");
            report.Append(CultureInfo.InvariantCulture, $"\nMNIST accuracy of {mnistJob.Label}: {Figures.WithInterval(accuracy)} (job {mnistJob.Job.Id:D})\n");
        }

        if (stories is not null)
        {
            var results = new Dictionary<string, EvaluationReport>(StringComparer.Ordinal);
            foreach (var job in final.Where(j => j.Label.StartsWith($"{Stories.Id}@", StringComparison.Ordinal) && j.Job.Status == JobStatus.Succeeded))
            {
                results[job.Suite] = (await evaluations.GetAsync(Principal.System, job.Job.Id, withResult: true, cancellationToken)).Result!;
            }

            report.Append(LanguageDemoText.Render($"{stories.Model}@{stories.Number}", results));
        }

        foreach (var (model, suite, _) in Samples)
        {
            var versions = published[model];
            var id = new ModelId(DemoPublisher.Model.Owner, model);
            var notSucceeded = failed.Count(j => j.Label.StartsWith($"{id}@", StringComparison.Ordinal));
            if (notSucceeded > 0)
            {
                // Jobs that lacked data are accounted for below, with what to do; others are listed with their reasons.
                if (blocked.Count(j => j.Label.StartsWith($"{id}@", StringComparison.Ordinal)) < notSucceeded)
                {
                    report.Append(CultureInfo.InvariantCulture, $"\n{id}: no comparison: {notSucceeded} of {versions.Count} jobs did not succeed\n");
                }

                continue;
            }

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

        report.Append(CultureInfo.InvariantCulture, $"\n{final.Count - failed.Count} of {final.Count} evaluation jobs succeeded.");
        report.Append(failed.Count == 0 && mnistPublished
            ? $" Cards: ./grid card show demo/compas-recidivism@4{(stories is null ? "" : $" (or {stories.Model}@{stories.Number})")}\n" +
                "Compare: ./grid compare demo/compas-recidivism --versions 1,2,3,4 --suite compas-recidivism\n"
            : "\n");
        foreach (var job in failed.Except(blocked))
        {
            report.Append(CultureInfo.InvariantCulture, $"  {job.Label}: {job.Job.Status.ToString().ToLowerInvariant()}: {job.Job.FailureReason ?? "it had not finished when Grid:Demo:Timeout passed"}\n");
        }

        if (missing.Count > 0)
        {
            report.Append('\n').Append(MissingArtifactsText.Render(missing, artifactOptions.Value));
        }

        if (!options.Value.ExitAfter)
        {
            report.Append("\nThe silo goes on serving until Ctrl+C.\n");
        }

        console.Summary(report.ToString().TrimEnd('\n'));
        return failed.Count == 0;
    }

    private static string SuiteLabel(string suite) => $"suite {suite}";

    /// <summary>The demo language model's version, or null when its artifacts cannot be had (the summary names them).</summary>
    private async Task<VersionDetails?> PublishLanguageModelAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await models.PublishAsync(Stories, cancellationToken);
        }
        catch (ArtifactUnavailableException)
        {
            console.DemoWeightsMissing(Stories.Id);
            return null;
        }
    }

    private async Task<DemoJob> SubmitAsync(VersionDetails version, string suiteId)
    {
        var submission = await evaluations.SubmitAsAsync(Principal.System, DemoVersions.Actor, version, suites.Get(suiteId), force: false);
        return new DemoJob($"{version.Model}@{version.Number} on {suiteId}", suiteId, submission.Job);
    }

    private async Task<VersionDetails> LatestAsync(ModelId id)
    {
        var number = await grains.GetGrain<IModelGrain>(id.ToString()).Resolve(VersionRef.Latest);
        return (await grains.GetGrain<IModelVersionGrain>(id.VersionKey(number)).Get())!;
    }

    /// <summary>Waits until every job is final (or the demo's timeout passes), saying so as each one finishes.</summary>
    private async Task<List<DemoJob>> WaitAsync(List<DemoJob> jobs, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.Value.Timeout;
        var waiting = jobs.Count(j => !j.Job.IsFinal);
        var done = 0;
        var current = jobs.ToList();
        while (true)
        {
            for (var i = 0; i < current.Count; i++)
            {
                if (current[i].Job.IsFinal)
                {
                    continue;
                }

                var snapshot = (await grains.GetGrain<IEvaluationJobGrain>(current[i].Job.Id).Get())!;
                current[i] = current[i] with { Job = snapshot };
                if (snapshot.IsFinal)
                {
                    console.JobFinished(++done, waiting, current[i].Label, snapshot.Status.ToString().ToLowerInvariant(), snapshot);
                }
            }

            if (done == waiting || time.GetUtcNow() > deadline)
            {
                return current;
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    /// <summary>
    /// The artifacts the demo needs and cannot have: a demo model's when it was not published (and its suites' data,
    /// which its jobs would need next), and the data of every suite with a job that did not succeed. Each is resolved
    /// once more as a job would (store, mirrors, source), so what is listed is missing now, not only at the time.
    /// </summary>
    private async Task<List<MissingArtifact>> FindMissingAsync(bool mnistPublished, bool storiesPublished, List<DemoJob> failed, CancellationToken cancellationToken)
    {
        var needed = new List<(string Name, string For)>();
        foreach (var (model, modelSuites, published) in new[] { (DemoPublisher.Mnist, MnistSuites, mnistPublished), (Stories, LanguageSuites, storiesPublished) })
        {
            if (published)
            {
                continue;
            }

            needed.AddRange(model.Artifacts.Select(a => (a, $"the demo model {model.Id}")));
            foreach (var suite in modelSuites)
            {
                needed.AddRange(suites.Get(suite).Artifacts.Select(a => (a.Name, $"{SuiteLabel(suite)} on {model.Id}")));
            }
        }

        foreach (var group in failed.GroupBy(j => j.Suite))
        {
            var jobs = group.Count() == 1 ? "1 job" : $"{group.Count()} jobs";
            needed.AddRange(suites.Get(group.Key).Artifacts.Select(a => (a.Name, $"{SuiteLabel(group.Key)} ({jobs} failed)")));
        }

        var missing = new List<MissingArtifact>();
        foreach (var (name, neededFor) in needed.DistinctBy(n => n.Name))
        {
            try
            {
                await artifacts.ResolveAsync(name, cancellationToken);
            }
            catch (ArtifactUnavailableException)
            {
                missing.Add(new MissingArtifact(artifacts.Manifest.Find(name)!, neededFor));
            }
        }

        return missing;
    }
}
