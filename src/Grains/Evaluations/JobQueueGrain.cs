using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelGrid.Evaluations;
using ModelGrid.Grains.Telemetry;
using ModelGrid.Storage.Blobs;

namespace ModelGrid.Grains.Evaluations;

/// <summary>
/// A queue partition: an in-memory index of job ids (<see cref="JobQueueIndex"/>) persisted as a snapshot plus an
/// append-only change log (<see cref="QueueJournal"/>), rebuilt on activation. It never decides a job's fate: it
/// asks the job grains, and an entry they disagree with is moved or dropped. A grain timer sweeps for expired
/// leases while the partition is active; a reminder (its watchdog), registered before it first hands out a lease and
/// kept while leases are out or jobs wait, wakes and sweeps it when nothing else does — no worker polls it, or its silo died.
/// Both only wake the sweep, which compares times on the injected clock (DESIGN §9.3). A finished job's grain
/// tells the partition to forget it at once.
/// </summary>
[GrainType("job-queue")]
public sealed partial class JobQueueGrain(
    IBlobStore blobs,
    IOptions<JobOptions> options,
    TimeProvider time,
    ILogger<JobQueueGrain> logger) : Grain, IJobQueueGrain, IRemindable
{
    /// <summary>The reminder that sweeps the partition while it has leases out.</summary>
    public const string WatchdogReminder = "lease-watchdog";

    // A worker that may not run what lies in front (a GPU job, a CPU worker) looks this far down the line at most.
    private const int MaxOffersPerLease = 32;
    private readonly JobQueueIndex _index = new();
    private QueueJournal? _journal;
    private string _partition = string.Empty;
    private IGrainReminder? _watchdog;

    private QueueJournal Journal => _journal!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        _partition = this.GetPrimaryKeyString();
        _journal = new QueueJournal(blobs, _partition, settings.QueueCompactionRecords);
        await _journal.LoadAsync(_index, cancellationToken);
        ReportDepth();
        var period = TimeSpan.FromSeconds(settings.SweepSeconds);

        // Kept alive: a partition with leases out must keep sweeping even when no worker calls it.
        this.RegisterGrainTimer(SweepOnTimerAsync, new GrainTimerCreationOptions(period, period) { KeepAlive = true });
        _watchdog = await this.GetReminder(WatchdogReminder, cancellationToken);
        await KeepWatchAsync();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        GridMetrics.QueueDeactivated(_partition);
        return Task.CompletedTask;
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == WatchdogReminder)
        {
            await SweepAsync();
        }
    }

    async Task IJobQueueGrain.Forget(Guid jobId)
    {
        if (_index.Remove(jobId))
        {
            await RecordAsync(QueueChange.Removed, jobId);
            await KeepWatchAsync();
        }
    }

    async Task IJobQueueGrain.Enqueue(Guid jobId)
    {
        if (_index.Enqueue(jobId))
        {
            await RecordAsync(QueueChange.Enqueued, jobId);
        }
    }

    async Task<JobLease?> IJobQueueGrain.TryLease(WorkerCapabilities worker, TimeSpan duration)
    {
        if (_index.QueuedCount > 0 && _watchdog is null)
        {
            // Before a job grain writes a lease: a crash after that write finds the watchdog there to expire it.
            _watchdog = await this.RegisterOrUpdateReminder(WatchdogReminder, options.Value.Watchdog, options.Value.Watchdog);
        }

        try
        {
            return await LeaseAsync(worker, duration);
        }
        finally
        {
            await KeepWatchAsync();
        }
    }

    private async Task<JobLease?> LeaseAsync(WorkerCapabilities worker, TimeSpan duration)
    {
        for (var budget = Math.Min(MaxOffersPerLease, _index.QueuedCount); budget > 0 && _index.First is { } id; budget--)
        {
            var job = GrainFactory.GetGrain<IEvaluationJobGrain>(id);
            if (await job.TryLease(worker, duration) is { } lease)
            {
                _index.Watch(id, lease.ExpiresAt);
                await RecordAsync(QueueChange.Leased, id);
                GridMetrics.LeaseGranted(_partition);
                return lease;
            }

            var snapshot = await job.Get();
            if (snapshot is null || snapshot.IsFinal)
            {
                // Stale: finished, cancelled, or never submitted. Harmless; forget it.
                _index.Remove(id);
                await RecordAsync(QueueChange.Removed, id);
            }
            else if (snapshot.Status == JobStatus.Leased)
            {
                _index.Watch(id, snapshot.LeaseExpiresAt ?? DateTimeOffset.MinValue);
                await RecordAsync(QueueChange.Leased, id);
            }
            else
            {
                // Queued, but not for this worker.
                _index.MoveToBack(id);
            }
        }

        return null;
    }

    Task<int> IJobQueueGrain.Sweep() => SweepAsync();

    Task<QueueCounts> IJobQueueGrain.Count() => Task.FromResult(new QueueCounts(_index.QueuedCount, _index.InFlightCount));

    private async Task<int> SweepAsync()
    {
        var expired = 0;
        foreach (var id in _index.Due(time.GetUtcNow()))
        {
            var job = GrainFactory.GetGrain<IEvaluationJobGrain>(id);
            if (await job.ExpireLease())
            {
                expired++;
            }

            var snapshot = await job.Get();
            if (snapshot is null || snapshot.IsFinal)
            {
                _index.Remove(id);
                await RecordAsync(QueueChange.Removed, id);
            }
            else if (snapshot.Status == JobStatus.Queued)
            {
                _index.Enqueue(id);
                await RecordAsync(QueueChange.Enqueued, id);
            }
            else
            {
                // Renewed since we last looked: only the expiry we remember moves, nothing is written.
                _index.Watch(id, snapshot.LeaseExpiresAt ?? DateTimeOffset.MinValue);
            }
        }

        if (expired > 0)
        {
            GridMetrics.LeaseExpired(_partition, expired);
            LogExpired(logger, _partition, expired);
        }

        await KeepWatchAsync();
        return expired;
    }

    /// <summary>
    /// Keeps the watchdog registered while leases are out or jobs wait, so an empty partition is never woken. Jobs
    /// waiting keep it too: a drain that finishes each job before the next lease would otherwise drop and register
    /// it again per job, a reminder-table write inside the partition's turn, in front of the next lease.
    /// </summary>
    private async Task KeepWatchAsync()
    {
        var busy = _index.InFlightCount > 0 || _index.QueuedCount > 0;
        if (_index.InFlightCount > 0 && _watchdog is null)
        {
            _watchdog = await this.RegisterOrUpdateReminder(WatchdogReminder, options.Value.Watchdog, options.Value.Watchdog);
        }
        else if (!busy && _watchdog is not null)
        {
            await this.UnregisterReminder(_watchdog);
            _watchdog = null;
        }
    }

    private async Task SweepOnTimerAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SweepAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSweepFailed(logger, _partition, e);
        }
    }

    private async Task RecordAsync(QueueChange change, Guid id)
    {
        try
        {
            await Journal.AppendAsync(change, id);
            if (Journal.ShouldCompact(_index))
            {
                await Journal.CompactAsync(_index);
            }

            ReportDepth();
        }
        catch (Exception)
        {
            // Memory and storage may now disagree: let the next activation rebuild from what was stored.
            DeactivateOnIdle();
            throw;
        }
    }

    private void ReportDepth() => GridMetrics.QueueDepthChanged(_partition, _index.QueuedCount, _index.InFlightCount);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Queue partition {Partition} returned {Count} expired leases")]
    private static partial void LogExpired(ILogger logger, string partition, int count);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Sweeping queue partition {Partition} failed")]
    private static partial void LogSweepFailed(ILogger logger, string partition, Exception exception);
}
