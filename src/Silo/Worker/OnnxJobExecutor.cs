using Microsoft.Extensions.Options;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluations;
using ModelGrid.Hub;
using ModelGrid.Silo.Evaluation;
using ModelGrid.Storage;
using ModelGrid.Storage.Blobs;
using ModelGrid.Storage.Content;

namespace ModelGrid.Silo.Worker;

/// <summary>
/// Runs a leased job: the version's model file from the weight cache (verified), the suite through
/// <see cref="SuiteRunner"/> on ONNX Runtime, the report and per-row predictions written to
/// <c>results/{jobId}/{attempt}.*</c>; once the job grain accepts the result, the version records it and writes the
/// card revision that shows it.
/// </summary>
public sealed class OnnxJobExecutor(
    IGrainFactory grains,
    SuiteCatalog suites,
    HubArtifactFiles artifacts,
    WeightCache cache,
    ContentAddressedStore store,
    IOptions<WorkerOptions> worker,
    IWorkerCapabilitiesProvider capabilities,
    WorkerBackoff backoff,
    TimeProvider time) : IJobExecutor
{
    private readonly OnnxSessionFactory _sessions = new(new SessionSettings());

    public async Task<string> ExecuteAsync(JobLease lease, IJobLog log, CancellationToken cancellationToken)
    {
        var spec = lease.Spec;
        var suite = suites.Get(spec.SuiteId);
        if (suite.Digest != spec.SuiteDigest)
        {
            throw new InvalidOperationException(
                $"suite {spec.SuiteId} has digest {suite.Digest[..12]} on this worker, but the job was submitted for {spec.SuiteDigest[..12]}; the suite changed since");
        }

        var version = await grains.GetGrain<IModelVersionGrain>(spec.VersionKey).Get()
            ?? throw new InvalidOperationException($"the version {spec.VersionKey} does not exist");
        if (version.RevisionId != spec.RevisionId)
        {
            throw new InvalidOperationException($"{spec.VersionKey} has revision {version.RevisionId}, not the submitted {spec.RevisionId}");
        }

        var file = ModelFiles.Pick(version.Files);
        log.Write($"model file {file.Path} ({file.Size} bytes, sha256 {file.Sha256[..12]})");
        using var weights = await cache.AcquireAsync(file.Sha256, file.Size, cancellationToken);
        log.Write($"weights verified in the cache ({cache.Fetches} fetch(es) from the store so far)");

        var settings = new RunSettings
        {
            ForceCpu = worker.Value.ForceCpu || !capabilities.Get().Gpu,
            MaxWallClock = worker.Value.MaxJobDuration,
            MaxMemoryBytes = worker.Value.MaxJobMemoryBytes,
            Time = time,
        };
        var runner = new SuiteRunner(_sessions, artifacts);
        var outcome = await runner.RunAsync(suite, weights.Path, settings, log.Write, cancellationToken);

        var resultBlob = HubLayout.Result(lease.JobId, lease.Attempt);
        // A finished run is worth keeping: its outputs wait for storage that is away rather than run again.
        if (outcome.Predictions is { } predictions)
        {
            var csv = System.Text.Encoding.UTF8.GetBytes(predictions.ToCsv());
            await backoff.RunAsync("Storing the job's predictions", ct => new ValueTask(store.Blobs.PutAsync(HubLayout.Predictions(lease.JobId, lease.Attempt), csv, WriteCondition.None, ct)), cancellationToken);
        }

        var report = EvaluationJson.Serialize(outcome.Report);
        await backoff.RunAsync("Storing the job's result", ct => new ValueTask(store.Blobs.PutAsync(resultBlob, report, WriteCondition.None, ct)), cancellationToken);
        log.Write($"result stored as {resultBlob}");
        return resultBlob;
    }
}
