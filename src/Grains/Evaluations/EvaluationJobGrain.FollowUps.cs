using Microsoft.Extensions.Logging;
using ModelGrid.Evaluations;
using ModelGrid.Grains.Telemetry;
using ModelGrid.Hub;
using ModelGrid.Storage;

namespace ModelGrid.Grains.Evaluations;

/// <summary>
/// What follows an accepted result: recording it on its version and on every version of the model with the same
/// files that joined the job while it ran. The versions are written down in the same state write that marks the job
/// succeeded; each is removed once its version grain acknowledges, and a reminder, registered before that write,
/// retries until none is left. The version grain ignores a result it has recorded already, so a retry after a crash
/// between a version's acknowledgement and the write that removes it writes no second card revision.
/// </summary>
public sealed partial class EvaluationJobGrain
{
    /// <summary>The reminder that retries undelivered follow-ups.</summary>
    public const string FollowUpReminder = "follow-ups";

    private IGrainReminder? _followUps;

    async Task<JobSnapshot> IEvaluationJobGrain.Join(string versionKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(versionKey);
        if (!state.RecordExists)
        {
            throw HubException.NotFound("Job not found", $"there is no evaluation job {this.GetPrimaryKey()}");
        }

        var s = state.State;
        if (!versionKey.StartsWith($"{s.Spec!.Model}@", StringComparison.Ordinal))
        {
            // Only a result ever crosses models, as a copy on a job of their own; a job never does.
            throw new ArgumentException($"{versionKey} is not a version of {s.Spec.Model}", nameof(versionKey));
        }

        if (s.Undelivered.Contains(versionKey))
        {
            return Snapshot();
        }

        switch (s.Status)
        {
            case JobStatus.Queued or JobStatus.Leased when versionKey != s.Spec.VersionKey && !s.Waiting.Contains(versionKey):
                s.Waiting.Add(versionKey);
                await state.WriteStateAsync();
                break;
            case JobStatus.Succeeded:
                // Recorded before: the version ignores it. Not recorded (it joined before the job owned its
                // follow-ups, or its recording was lost): it is now, with the same guarantee as at completion.
                await StartFollowUpsAsync();
                s.Undelivered.Add(versionKey);
                await state.WriteStateAsync();
                await DeliverAsync();
                break;
        }

        return Snapshot();
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != FollowUpReminder)
        {
            return;
        }

        await DeliverAsync();
    }

    private async Task StartFollowUpsAsync() =>
        _followUps = await this.RegisterOrUpdateReminder(FollowUpReminder, options.Value.FollowUpRetry, options.Value.FollowUpRetry);

    /// <summary>Records the result on each undelivered version; the reminder goes once every version has acknowledged.</summary>
    private async Task DeliverAsync()
    {
        var s = state.State;
        if (s.Status == JobStatus.Succeeded && s.Undelivered.Count > 0)
        {
            var record = await RecordAsync();
            var id = record.JobId;
            using var scope = JobLogScope.Begin(logger, id, s.Spec!);
            var pending = new List<string>();
            foreach (var versionKey in s.Undelivered)
            {
                try
                {
                    var revision = await GrainFactory.GetGrain<IModelVersionGrain>(versionKey).RecordEvaluation(record);
                    LogDelivered(logger, id, versionKey, revision?.Revision);
                }
                catch (HubException e)
                {
                    // The version answered, with a refusal no retry changes (it is gone, a draft, or the result blob is).
                    LogRefused(logger, id, versionKey, e.Message);
                }
                catch (Exception e)
                {
                    LogDeliveryFailed(logger, id, versionKey, e);
                    pending.Add(versionKey);
                }
            }

            s.Undelivered = pending;
            await state.WriteStateAsync();
            if (pending.Count > 0)
            {
                return;
            }
        }

        if ((_followUps ?? await this.GetReminder(FollowUpReminder)) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            _followUps = null;
        }
    }

    private async Task<EvaluationRecord> RecordAsync()
    {
        var s = state.State;
        var id = this.GetPrimaryKey();
        var predictions = HubLayout.Predictions(id, s.Attempt);
        var hasPredictions = await blobs.GetInfoAsync(predictions) is not null;
        return new EvaluationRecord(
            id, s.Attempt, s.Spec!.SuiteId, s.Spec.SuiteDigest, s.Spec.HardwareClass, s.ResultRef!,
            hasPredictions ? predictions : null, s.Worker ?? EvaluationSubmitter.ReusedResultAuthor, s.CompletedAt ?? s.SubmittedAt);
    }

    /// <summary>
    /// Tells the job's queue partition to forget it now rather than at its lease's expiry. One-way: the partition calls
    /// job grains itself, so waiting for it here could deadlock; a lost message leaves a stale entry, which is harmless.
    /// </summary>
    private void LeavePartition()
    {
        var s = state.State;
        var partition = JobPartitions.For(s.Spec!.HardwareClass, this.GetPrimaryKey(), options.Value.Partitions);
        GrainFactory.GetGrain<IJobQueueGrain>(partition).Forget(this.GetPrimaryKey()).Ignore();
    }

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "job {JobId}: result recorded on {Version} (card revision {Revision})")]
    private static partial void LogDelivered(ILogger logger, Guid jobId, string version, int? revision);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "job {JobId}: {Version} refused the result, which is not retried: {Reason}")]
    private static partial void LogRefused(ILogger logger, Guid jobId, string version, string reason);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "job {JobId}: recording the result on {Version} failed; the job's reminder retries")]
    private static partial void LogDeliveryFailed(ILogger logger, Guid jobId, string version, Exception exception);
}
