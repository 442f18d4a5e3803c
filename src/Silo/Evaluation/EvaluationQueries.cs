using System.Text;
using ModelGrid.Api;
using ModelGrid.Auth;
using ModelGrid.Evaluation.Comparison;
using ModelGrid.Evaluation.Kinds;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;
using ModelGrid.Evaluations;
using ModelGrid.Grains.Evaluations;
using ModelGrid.Hub;
using ModelGrid.Silo.Hub;
using ModelGrid.Storage.Content;

namespace ModelGrid.Silo.Evaluation;

/// <summary>What the evaluation API does: submissions with their checks, job views, lists, logs and comparisons.</summary>
public sealed class EvaluationQueries(
    IGrainFactory grains,
    EvaluationSubmitter submitter,
    SuiteCatalog suites,
    HubArtifactFiles artifacts,
    ContentAddressedStore store,
    SubmissionLimiter limiter,
    WorkerAvailability workers)
{
    private const int KeptComparisons = 256;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ComparisonReport> _comparisons = new(StringComparer.Ordinal);

    /// <summary>Checks and submits an evaluation; a duplicate returns the existing job (and its result when it has one).</summary>
    public async Task<EvaluationView> SubmitAsync(Principal caller, SubmitEvaluationRequest request, CancellationToken cancellationToken)
    {
        if (caller.IsAnonymous)
        {
            throw HubException.Unauthorized("submitting an evaluation needs a token with the evaluate or publish scope");
        }

        if (!caller.CanEvaluate)
        {
            throw HubException.Forbidden("the token lacks the evaluate scope");
        }

        if (!ModelId.TryParse(request.Model, out var id, out var error))
        {
            throw HubException.Invalid($"'{request.Model}' is not a model id: {error}");
        }

        if (string.IsNullOrWhiteSpace(request.Suite))
        {
            throw HubException.Invalid("an evaluation names its suite; see GET /api/v1/suites");
        }

        var suite = suites.Get(request.Suite);
        await ModelAccess.ReadableAsync(grains, caller, id.Owner, id.Name);
        var version = await ModelAccess.ResolveVersionAsync(grains, caller, id, request.Version ?? "latest");
        if (version.Status != VersionStatus.Published)
        {
            throw HubException.Conflict("Version not evaluable", $"{id}@{version.Number} is {version.Status.ToString().ToLowerInvariant()}; only published versions are evaluated");
        }

        await workers.EnsureRunnableAsync(suite);
        if (!limiter.TryAcquire(caller.Subject, out var retryAfter))
        {
            var seconds = Infrastructure.HubExceptionHandler.RetryAfterSeconds(retryAfter);
            throw HubException.TooManyRequests(
                $"this token has used its evaluation submissions for this minute (Grid:Evaluation:SubmissionsPerMinute); try again in {seconds} s",
                TimeSpan.FromSeconds(seconds));
        }

        var submission = await SubmitAsAsync(caller, caller.DisplayName, version, suite, request.Force);
        var job = submission.Job;
        var result = job.Status == JobStatus.Succeeded ? await ReadResultAsync(job, cancellationToken) : null;
        return new EvaluationView(JobPresentation.For(caller, job), submission.Deduplicated, result, await workers.WarningsAsync(job));
    }

    /// <summary>
    /// Submits <paramref name="suite"/> on a published version for <paramref name="requester"/>, with no checks of
    /// rights or rate; another model's result is reused only from a model <paramref name="reader"/> may read.
    /// </summary>
    public async Task<EvaluationSubmission> SubmitAsAsync(Principal reader, string requester, VersionDetails version, Suite suite, bool force)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(suite);
        var gpu = suite.Spec.Execution == ExecutionRequirement.Gpu;
        var spec = new JobSpec(
            version.Model, version.Number, version.RevisionId!, suite.Spec.Id, suite.Digest, Evaluator.Version,
            gpu ? HardwareClasses.Gpu : HardwareClasses.Cpu, gpu, SuiteKinds.Default.Get(suite.Spec.Kind).MeasuresHardware, requester);
        // The job records its result on the version (a reused copy at once, another version's job when it succeeds).
        return await submitter.SubmitAsync(spec, force, model => ModelAccess.CanReadAsync(grains, reader, model));
    }

    /// <summary>A job the caller may see, with its result when it succeeded.</summary>
    public async Task<EvaluationView> GetAsync(Principal caller, Guid id, bool withResult, CancellationToken cancellationToken)
    {
        var job = await VisibleAsync(caller, id);
        var result = withResult && job.Status == JobStatus.Succeeded ? await ReadResultAsync(job, cancellationToken) : null;
        return new EvaluationView(JobPresentation.For(caller, job), false, result, await workers.WarningsAsync(job));
    }

    /// <summary>The jobs of a model (or one version), newest first, optionally with one status.</summary>
    public async Task<EvaluationList> ListAsync(Principal caller, string model, int? version, JobStatus? status)
    {
        if (!ModelId.TryParse(model, out var id, out var error))
        {
            throw HubException.Invalid($"'{model}' is not a model id: {error}");
        }

        await ModelAccess.ReadableAsync(grains, caller, id.Owner, id.Name);
        IEnumerable<int> numbers = version is { } n
            ? [n]
            : (await grains.GetGrain<IModelGrain>(id.ToString()).ListVersions()).Select(v => v.Number);
        var jobs = new List<JobSnapshot>();
        foreach (var number in numbers)
        {
            foreach (var jobId in await grains.GetGrain<IVersionEvaluationsGrain>(id.VersionKey(number)).List())
            {
                // A job belongs to one model; grids that shared jobs across models listed other models' jobs here too.
                if (await grains.GetGrain<IEvaluationJobGrain>(jobId).Get() is { } job && job.Spec.Model == id && (status is null || job.Status == status))
                {
                    jobs.Add(JobPresentation.For(caller, job));
                }
            }
        }

        var ordered = jobs.OrderByDescending(j => j.SubmittedAt).ThenBy(j => j.Id).ToList();
        return new EvaluationList(ordered, ordered.Count);
    }

    /// <summary>Cancels a job; its submitter, the model's publisher or an admin may.</summary>
    public async Task<EvaluationView> CancelAsync(Principal caller, Guid id)
    {
        var job = await VisibleAsync(caller, id);
        RequireOwnerOfJob(caller, job, "cancel");
        return new EvaluationView(JobPresentation.For(caller, await grains.GetGrain<IEvaluationJobGrain>(id).Cancel(caller.DisplayName)), false);
    }

    /// <summary>The job's log; its submitter, the model's publisher or an admin may read it.</summary>
    public async Task<EvaluationLog> LogAsync(Principal caller, Guid id)
    {
        var job = await VisibleAsync(caller, id);
        RequireOwnerOfJob(caller, job, "read the log of");
        return new EvaluationLog(id, job.Status, await grains.GetGrain<IEvaluationJobGrain>(id).GetLog());
    }

    /// <summary>Versions of a model side by side on one suite, deltas against <paramref name="baseline"/>.</summary>
    public async Task<ComparisonReport> CompareAsync(Principal caller, ModelId id, IReadOnlyList<int> versions, string suiteId, int? baseline, CancellationToken cancellationToken)
    {
        await ModelAccess.ReadableAsync(grains, caller, id.Owner, id.Name);
        if (versions.Count < 2 || versions.Distinct().Count() != versions.Count)
        {
            throw HubException.Invalid("compare needs two or more different versions, e.g. ?versions=1,2,3");
        }

        var suite = suites.Get(suiteId);
        var kind = SuiteKinds.Default.Get(suite.Spec.Kind);
        if (kind.NotComparable(suite) is { } why)
        {
            throw HubException.Invalid(why);
        }

        var chosen = baseline ?? versions[0];
        if (!versions.Contains(chosen))
        {
            throw HubException.Invalid($"the baseline {chosen} is not among the versions {string.Join(",", versions)}");
        }

        var records = new List<(int Number, EvaluationRecord Record)>();
        foreach (var number in versions)
        {
            var version = await ModelAccess.ResolveVersionAsync(grains, caller, id, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var recorded = await grains.GetGrain<IModelVersionGrain>(id.VersionKey(version.Number)).ListEvaluations();
            var record = recorded.LastOrDefault(r => r.SuiteId == suite.Spec.Id && r.SuiteDigest == suite.Digest && r.PredictionsBlob is not null)
                ?? throw HubException.Conflict(
                    "No result to compare",
                    $"{id}@{number} has no recorded result on suite {suite.Spec.Name} ({suite.Digest[..12]}); submit one: grid eval submit {id}@{number} --suite {suite.Spec.Id}");
            records.Add((number, record));
        }

        // Stored results and predictions are written once, so the same blobs, suite digest and baseline always give
        // the same comparison: it is kept instead of running the paired bootstrap again.
        var key = $"{suite.Digest}|{chosen}|{string.Join('|', records.Select(r => $"{r.Number}:{r.Record.ResultBlob}:{r.Record.PredictionsBlob}"))}";
        if (_comparisons.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var compared = new List<ComparedVersion>();
        foreach (var (number, record) in records)
        {
            var report = EvaluationJson.Deserialize(await ReadBlobAsync(record.ResultBlob, cancellationToken));
            var predictions = RowPredictions.Parse(Encoding.UTF8.GetString(await ReadBlobAsync(record.PredictionsBlob!, cancellationToken)));
            compared.Add(new ComparedVersion(number, report, predictions));
        }

        try
        {
            var comparison = await kind.CompareAsync(suite, artifacts, compared, chosen, cancellationToken);
            if (_comparisons.Count >= KeptComparisons)
            {
                _comparisons.Clear();
            }

            _comparisons[key] = comparison;
            return comparison;
        }
        catch (ArgumentException e)
        {
            throw HubException.Conflict("Results not comparable", e.Message);
        }
    }

    private async Task<JobSnapshot> VisibleAsync(Principal caller, Guid id)
    {
        var job = await grains.GetGrain<IEvaluationJobGrain>(id).Get()
            ?? throw HubException.NotFound("Evaluation not found", $"there is no evaluation {id:D}");
        try
        {
            await ModelAccess.ReadableAsync(grains, caller, job.Spec.Model.Owner, job.Spec.Model.Name);
        }
        catch (HubException e) when (e.Kind == HubErrorKind.NotFound)
        {
            throw HubException.NotFound("Evaluation not found", $"there is no evaluation {id:D}");
        }

        return job;
    }

    private static void RequireOwnerOfJob(Principal caller, JobSnapshot job, string what)
    {
        if (caller.IsAnonymous)
        {
            throw HubException.Unauthorized($"to {what} an evaluation, send the token that submitted it");
        }

        if (!caller.IsAdmin && !caller.CanPublish(job.Spec.Model.Owner) && job.Spec.Requester != caller.DisplayName)
        {
            throw HubException.Forbidden($"only the evaluation's submitter, {job.Spec.Model.Owner}'s publishers or an admin may {what} it");
        }
    }

    private async Task<EvaluationReport?> ReadResultAsync(JobSnapshot job, CancellationToken cancellationToken) =>
        job.ResultRef is { } blob ? EvaluationJson.Deserialize(await ReadBlobAsync(blob, cancellationToken)) : null;

    private async Task<byte[]> ReadBlobAsync(string name, CancellationToken cancellationToken)
    {
        await using var reader = await store.Blobs.OpenReadAsync(name, cancellationToken: cancellationToken)
            ?? throw HubException.NotFound("Result not found", $"the stored result {name} is missing");
        using var buffer = new MemoryStream();
        await reader.Content.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
