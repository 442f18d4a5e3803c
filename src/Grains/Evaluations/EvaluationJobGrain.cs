using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelGrid.Evaluations;
using ModelGrid.Hub;
using ModelGrid.Storage;
using ModelGrid.Storage.Blobs;

namespace ModelGrid.Grains.Evaluations;

/// <summary>
/// One evaluation job: status, lease and attempt, the only source of truth about them. Every change is written
/// before the call answers, so a lease handed out survives a crash of this silo; the lease id fences every call
/// of a worker that may have lost its lease. A finished job tells its queue partition to forget it. Once a result
/// is accepted, the job owns its follow-ups: recording it on every version that waits for it
/// (<see cref="EvaluationJobGrain"/>'s FollowUps part).
/// </summary>
[GrainType("evaluation-job")]
public sealed partial class EvaluationJobGrain(
    [PersistentState("job", StorageNames.GrainStorage)] IPersistentState<JobState> state,
    [PersistentState("joblog", StorageNames.GrainStorage)] IPersistentState<JobLogState> log,
    IBlobStore blobs,
    IOptions<JobOptions> options,
    TimeProvider time,
    ILogger<EvaluationJobGrain> logger) : Grain, IEvaluationJobGrain, IRemindable
{
    private const int MaxLineChars = 4_000;
    private const int MaxReasonChars = 1_000;

    /// <summary>The log of a job that reused a result: the only line, naming nothing of the run it came from.</summary>
    public const string ReusedLogLine = "result reused from an earlier run on the same files";

    async Task<JobSnapshot> IEvaluationJobGrain.Submit(JobSpec spec)
    {
        if (state.RecordExists)
        {
            return Snapshot();
        }

        if (spec.Problem() is { } problem)
        {
            throw HubException.Invalid(problem);
        }

        var s = state.State;
        s.Spec = spec;
        s.Status = JobStatus.Queued;
        s.Attempt = 1;
        s.SubmittedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        return Snapshot();
    }

    async Task<JobSnapshot> IEvaluationJobGrain.SubmitReused(JobSpec spec, string resultRef)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resultRef);
        if (state.RecordExists)
        {
            return Snapshot();
        }

        if (spec.Problem() is { } problem)
        {
            throw HubException.Invalid(problem);
        }

        var s = state.State;
        var now = time.GetUtcNow();
        s.Spec = spec;
        s.Status = JobStatus.Succeeded;
        s.Attempt = 1;
        s.ResultRef = resultRef;
        s.ResultReused = true;
        s.SubmittedAt = now;
        s.CompletedAt = now;
        s.Undelivered = [spec.VersionKey];
        await StartFollowUpsAsync();
        await state.WriteStateAsync();

        // The job is the record that counts; a log line lost to a crash here is not worth a half-submitted job.
        log.State.Lines.Add(ReusedLogLine);
        log.State.Bytes += Encoding.UTF8.GetByteCount(ReusedLogLine);
        await log.WriteStateAsync();
        await DeliverAsync();
        return Snapshot();
    }

    Task<JobSnapshot?> IEvaluationJobGrain.Get() => Task.FromResult(state.RecordExists ? Snapshot() : null);

    async Task<JobLease?> IEvaluationJobGrain.TryLease(WorkerCapabilities worker, TimeSpan duration)
    {
        var s = state.State;
        if (!state.RecordExists || s.Status != JobStatus.Queued || (s.Spec!.RequiresGpu && !worker.Gpu))
        {
            return null;
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = time.GetUtcNow();
        s.Status = JobStatus.Leased;
        s.LeaseId = Guid.NewGuid().ToString("N");
        s.Worker = worker.WorkerId;
        s.LeaseExpiresAt = now + duration;
        s.StartedAt = now;
        await state.WriteStateAsync();
        return new JobLease(this.GetPrimaryKey(), s.LeaseId, s.Attempt, s.LeaseExpiresAt.Value, s.Spec);
    }

    async Task<bool> IEvaluationJobGrain.Renew(string leaseId, TimeSpan duration)
    {
        // A lease stays the current attempt's until ExpireLease says otherwise: the sweep, not the worker's clock, decides.
        if (!HoldsLease(leaseId))
        {
            return false;
        }

        state.State.LeaseExpiresAt = time.GetUtcNow() + duration;
        await state.WriteStateAsync();
        return true;
    }

    async Task<bool> IEvaluationJobGrain.Complete(string leaseId, string resultRef)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resultRef);
        var s = state.State;
        if (s.Status == JobStatus.Succeeded && s.LeaseId == leaseId)
        {
            return s.ResultRef == resultRef;
        }

        if (!HoldsLease(leaseId))
        {
            return false;
        }

        // The reminder is registered before the write that makes the result accepted: a crash after that write finds
        // it there; a crash before it leaves a reminder that finds nothing to deliver and goes away.
        await StartFollowUpsAsync();
        s.Status = JobStatus.Succeeded;
        s.ResultRef = resultRef;
        s.LeaseExpiresAt = null;
        s.CompletedAt = time.GetUtcNow();
        s.Undelivered = [s.Spec!.VersionKey, .. s.Waiting.Where(v => v != s.Spec.VersionKey)];
        s.Waiting = [];
        await state.WriteStateAsync();
        LeavePartition();
        await DeliverAsync();
        return true;
    }

    async Task<bool> IEvaluationJobGrain.Fail(string leaseId, string reason)
    {
        var line = OneLine(reason, MaxReasonChars);
        var s = state.State;
        if (s.Status == JobStatus.Failed && s.LeaseId == leaseId)
        {
            return s.FailureReason == line;
        }

        if (!HoldsLease(leaseId))
        {
            return false;
        }

        s.Status = JobStatus.Failed;
        s.FailureReason = line;
        s.LeaseExpiresAt = null;
        s.CompletedAt = time.GetUtcNow();
        s.Waiting = [];
        await state.WriteStateAsync();
        LeavePartition();
        return true;
    }

    async Task<JobSnapshot> IEvaluationJobGrain.Cancel(string actor)
    {
        if (!state.RecordExists)
        {
            throw HubException.NotFound("Job not found", $"there is no evaluation job {this.GetPrimaryKey()}");
        }

        var s = state.State;
        if (s.Status is JobStatus.Queued or JobStatus.Leased)
        {
            s.Status = JobStatus.Cancelled;
            s.FailureReason = $"cancelled by {actor}";
            s.LeaseExpiresAt = null;
            s.CompletedAt = time.GetUtcNow();
            s.Waiting = [];
            await state.WriteStateAsync();
            LeavePartition();
        }

        return Snapshot();
    }

    async Task<bool> IEvaluationJobGrain.ExpireLease()
    {
        var s = state.State;
        var now = time.GetUtcNow();
        if (s.Status != JobStatus.Leased || s.LeaseExpiresAt > now)
        {
            return false;
        }

        if (s.Attempt >= options.Value.MaxAttempts)
        {
            s.Status = JobStatus.Failed;
            s.FailureReason = $"lease expired {s.Attempt.ToString(CultureInfo.InvariantCulture)} times";
            s.CompletedAt = now;
            s.Waiting = [];
        }
        else
        {
            s.Status = JobStatus.Queued;
            s.Attempt++;
            s.LeaseId = null;
            s.StartedAt = null;
        }

        s.LeaseExpiresAt = null;
        await state.WriteStateAsync();
        return true;
    }

    async Task<bool> IEvaluationJobGrain.AppendLog(string leaseId, IReadOnlyList<string> lines)
    {
        // The lease id is cleared when a lease expires, so only the latest attempt's worker matches, also after it finished.
        if (!state.RecordExists || state.State.LeaseId != leaseId)
        {
            return false;
        }

        if (lines.Count == 0)
        {
            return true;
        }

        var l = log.State;
        foreach (var line in lines)
        {
            var kept = OneLine(line, MaxLineChars);
            l.Lines.Add(kept);
            l.Bytes += Encoding.UTF8.GetByteCount(kept);
        }

        var bounds = options.Value;
        var drop = 0;
        while (l.Lines.Count - drop > bounds.LogLines || (l.Bytes > bounds.LogBytes && l.Lines.Count - drop > 1))
        {
            l.Bytes -= Encoding.UTF8.GetByteCount(l.Lines[drop]);
            drop++;
        }

        l.Lines.RemoveRange(0, drop);
        l.Dropped += drop;
        await log.WriteStateAsync();
        return true;
    }

    Task<IReadOnlyList<string>> IEvaluationJobGrain.GetLog()
    {
        var l = log.State;
        IReadOnlyList<string> lines = l.Dropped > 0
            ? [$"… {l.Dropped.ToString(CultureInfo.InvariantCulture)} earlier lines dropped", .. l.Lines]
            : [.. l.Lines];
        return Task.FromResult(lines);
    }

    private bool HoldsLease(string leaseId) =>
        state.State.Status == JobStatus.Leased && state.State.LeaseId == leaseId;

    private static string OneLine(string text, int maxChars)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= maxChars ? line : string.Concat(line.AsSpan(0, maxChars - 1), "…");
    }

    private JobSnapshot Snapshot()
    {
        var s = state.State;
        return new JobSnapshot(
            this.GetPrimaryKey(), s.Spec!, s.Status, s.Attempt, s.LeaseId, s.Worker, s.LeaseExpiresAt,
            s.FailureReason, s.ResultRef, s.SubmittedAt, s.StartedAt, s.CompletedAt, s.ResultReused);
    }
}
