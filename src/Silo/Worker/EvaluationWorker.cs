using Microsoft.Extensions.Options;
using ModelGrid.Evaluations;
using ModelGrid.Grains.Evaluations;
using ModelGrid.Grains.Telemetry;
using ModelGrid.Silo.Infrastructure;

namespace ModelGrid.Silo.Worker;

/// <summary>
/// The worker role: <c>Grid:Worker:Slots</c> loops, each leasing one job at a time from the queue partitions it
/// may serve (GPU partitions only with a GPU), round-robin, pausing briefly while all are empty. A leased job runs
/// on the thread pool through <see cref="IJobExecutor"/> while a heartbeat renews the lease every third of its
/// length and, between renewals, reads the job's status every <c>Grid:Worker:CancelCheckInterval</c>; a refused
/// renewal or a job no longer leased to this attempt (cancelled) cancels the run. The result is handed to the job
/// grain with the lease id, so a worker that lost its lease records nothing and goes on to the next job; the job
/// grain records an accepted result on the versions. A failure's reason and the
/// log lines sent with the job name none of the worker's folders (<see cref="PathRedactor"/>). While storage cannot be
/// reached or a silo is leaving, the worker's calls wait it out (<see cref="WorkerBackoff"/>): asking for a lease for as
/// long as it lasts, a job's run and the calls that record its outcome a bounded number of times, after which the job
/// is let go unrecorded (its lease expires and it runs again) rather than failed for what was not its fault.
/// </summary>
public sealed partial class EvaluationWorker(
    IGrainFactory grains,
    IWorkerCapabilitiesProvider capabilities,
    IOptions<WorkerOptions> workerOptions,
    IOptions<JobOptions> jobOptions,
    TimeProvider time,
    PathRedactor redactor,
    WorkerBackoff backoff,
    ILogger<EvaluationWorker> logger,
    IJobExecutor? executor = null) : BackgroundService
{
    private static readonly TimeSpan MinIdleDelay = TimeSpan.FromMilliseconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (executor is null)
        {
            LogNoExecutor(logger);
            return;
        }

        var worker = capabilities.Get();
        var slots = workerOptions.Value.Slots;
        var shards = jobOptions.Value.Partitions;
        if (slots > shards)
        {
            LogFewPartitions(logger, slots, shards);
        }

        IReadOnlyList<string> partitions = worker.Gpu
            ? [.. JobPartitions.All(HardwareClasses.Gpu, shards), .. JobPartitions.All(HardwareClasses.Cpu, shards)]
            : JobPartitions.All(HardwareClasses.Cpu, shards);
        LogStarted(logger, worker.WorkerId, slots, worker.Gpu, partitions.Count);
        await Task.WhenAll(Enumerable.Range(0, slots).Select(slot => Task.Run(() => RunSlotAsync(slot, executor, worker, partitions, stoppingToken), CancellationToken.None)));
    }

    private async Task RunSlotAsync(int slot, IJobExecutor run, WorkerCapabilities worker, IReadOnlyList<string> partitions, CancellationToken stoppingToken)
    {
        // Slots start on different partitions, so they do not queue behind one another on one grain.
        var cursor = slot % partitions.Count;
        var idle = MinIdleDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            JobLease? lease = null;
            try
            {
                lease = await backoff.RunUntilDoneAsync("Asking the queue for a lease", async _ =>
                {
                    for (var i = 0; i < partitions.Count; i++)
                    {
                        var partition = partitions[cursor];
                        cursor = (cursor + 1) % partitions.Count;
                        if (await grains.GetGrain<IJobQueueGrain>(partition).TryLease(worker, jobOptions.Value.Lease) is { } leased)
                        {
                            return leased;
                        }
                    }

                    return null;
                }, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogLeaseFailed(logger, e);
            }

            if (lease is null)
            {
                try
                {
                    await Task.Delay(idle, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, workerOptions.Value.MaxIdleDelay.Ticks));
                continue;
            }

            idle = MinIdleDelay;
            try
            {
                await RunJobAsync(run, lease, worker, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The grain calls around the run failed; the lease expires and the job runs again.
                using (JobLogScope.Begin(logger, lease.JobId, lease.Spec))
                {
                    LogJobCallFailed(logger, lease.JobId, e);
                }
            }
        }
    }

    private async Task RunJobAsync(IJobExecutor run, JobLease lease, WorkerCapabilities worker, CancellationToken stoppingToken)
    {
        // Every entry logged while the job runs, by the executor and the weight cache too, names the job and its model.
        using var scope = JobLogScope.Begin(logger, lease.JobId, lease.Spec);
        var job = grains.GetGrain<IEvaluationJobGrain>(lease.JobId);
        var log = new JobLogBuffer(redactor);
        log.Write($"attempt {lease.Attempt} leased by {worker.WorkerId}");
        LogLeased(logger, lease.JobId, lease.Attempt);

        using var execution = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var heartbeatStop = new CancellationTokenSource();
        var lost = new LeaseLoss();
        var heartbeat = HeartbeatAsync(job, lease, log, lost, execution, heartbeatStop.Token);

        var started = time.GetTimestamp();
        string? result = null;
        Exception? failure = null;
        try
        {
            // A run that could not read its inputs or store its result because storage was away runs again under the
            // same lease: its result goes to the same place.
            result = await backoff.RunAsync("Running the job", ct => new ValueTask<string>(Task.Run(() => run.ExecuteAsync(lease, log, ct), CancellationToken.None)), execution.Token);
        }
        catch (Exception e)
        {
            failure = e;
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }

        if (failure is null && string.IsNullOrWhiteSpace(result))
        {
            failure = new InvalidOperationException("the executor returned no result reference");
        }

        // Recorded before the job grain hears of the end, so whoever sees the job finished sees its duration counted.
        var stopping = failure is OperationCanceledException && stoppingToken.IsCancellationRequested;
        var outcome = lost.IsLost ? JobOutcomes.Lost : stopping ? JobOutcomes.Stopped : failure is null ? JobOutcomes.Succeeded : JobOutcomes.Failed;
        GridMetrics.JobRan(lease.Spec.SuiteId, lease.Spec.HardwareClass, outcome, time.GetElapsedTime(started));

        if (lost.IsLost)
        {
            LogLeaseLost(logger, lease.JobId, lease.Attempt);
            return;
        }

        if (stopping)
        {
            // Not the job's fault: the lease expires and another worker runs it again.
            log.Write("stopped: the worker is shutting down");
            await FlushAsync(job, lease, log);
            return;
        }

        if (failure is not null && SiloFailures.IsTransient(failure))
        {
            // Storage stayed away past the retries: not the job's fault either; its lease expires and it runs again.
            LogInterrupted(logger, lease.JobId, lease.Attempt, failure.GetType().Name);
            return;
        }

        if (failure is null)
        {
            // Not cancelled when the silo stops: a finished run is recorded before the slot ends (the host's shutdown
            // timeout bounds the wait).
            await FlushPatientlyAsync(job, lease, log, CancellationToken.None);
            // The job grain records the result on the versions that wait for it: a crash of this worker after it
            // accepted the result loses nothing. Completing again with the same lease answers as the first time did.
            if (await backoff.RunAsync("Recording the job's result", _ => new ValueTask<bool>(job.Complete(lease.LeaseId, result!)), CancellationToken.None))
            {
                LogSucceeded(logger, lease.JobId, lease.Attempt, result!);
            }
            else
            {
                LogNotRecorded(logger, lease.JobId, lease.Attempt);
            }

            return;
        }

        var reason = redactor.Redact($"{failure.GetType().Name}: {failure.Message}");
        log.Write($"failed: {reason}");
        foreach (var line in (failure.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            log.Write(line);
        }

        await FlushPatientlyAsync(job, lease, log, CancellationToken.None);
        await backoff.RunAsync("Recording the job's failure", _ => new ValueTask<bool>(job.Fail(lease.LeaseId, reason)), CancellationToken.None);
        LogFailed(logger, lease.JobId, lease.Attempt, reason);
    }

    private async Task HeartbeatAsync(IEvaluationJobGrain job, JobLease lease, JobLogBuffer log, LeaseLoss lost, CancellationTokenSource execution, CancellationToken stop)
    {
        var length = jobOptions.Value.Lease;
        var renewal = length / 3;
        var check = workerOptions.Value.CancelCheckInterval < renewal ? workerOptions.Value.CancelCheckInterval : renewal;
        var checksPerRenewal = Math.Max(1, (int)(renewal / check));
        using var timer = new PeriodicTimer(check, time);
        var tick = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    bool current;
                    if (++tick % checksPerRenewal == 0)
                    {
                        await FlushAsync(job, lease, log);
                        current = await job.Renew(lease.LeaseId, length);
                    }
                    else
                    {
                        // A read between renewals: a cancelled job stops now, not a third of a lease later.
                        current = await job.Get() is { Status: JobStatus.Leased } snapshot && snapshot.LeaseId == lease.LeaseId;
                    }

                    if (!current)
                    {
                        lost.IsLost = true;
                        await execution.CancelAsync();
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A missed renewal is not yet a lost lease; the next tick tries again.
                    LogRenewFailed(logger, lease.JobId, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    private static async Task FlushAsync(IEvaluationJobGrain job, JobLease lease, JobLogBuffer log)
    {
        var lines = log.Drain();
        if (lines.Count > 0)
        {
            await job.AppendLog(lease.LeaseId, lines);
        }
    }

    /// <summary>As <see cref="FlushAsync"/>, waiting out storage that is away: the log lines before the job's outcome.</summary>
    private async Task FlushPatientlyAsync(IEvaluationJobGrain job, JobLease lease, JobLogBuffer log, CancellationToken cancellationToken)
    {
        var lines = log.Drain();
        if (lines.Count > 0)
        {
            await backoff.RunAsync("Sending the job's log", _ => new ValueTask<bool>(job.AppendLog(lease.LeaseId, lines)), cancellationToken);
        }
    }

    private sealed class LeaseLoss
    {
        public volatile bool IsLost;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "The worker role is on but no job executor is installed; this silo leases no jobs")]
    private static partial void LogNoExecutor(ILogger logger);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "{Slots} worker slots share {Partitions} queue partitions per hardware class; slots beyond that wait on one another")]
    private static partial void LogFewPartitions(ILogger logger, int slots, int partitions);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Worker {WorkerId} started with {Slots} slots (GPU: {Gpu}) over {Partitions} queue partitions")]
    private static partial void LogStarted(ILogger logger, string workerId, int slots, bool gpu, int partitions);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Asking the queue for a lease failed")]
    private static partial void LogLeaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Job {JobId} attempt {Attempt} leased")]
    private static partial void LogLeased(ILogger logger, Guid jobId, int attempt);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "Job {JobId} attempt {Attempt} succeeded: {ResultRef}")]
    private static partial void LogSucceeded(ILogger logger, Guid jobId, int attempt, string resultRef);

    // A failed job is an outcome, recorded on the job and reported to whoever submitted it (grid eval status, the demo's
    // summary); the silo's warnings are kept for the silo's own trouble.
    [LoggerMessage(EventId = 4107, Level = LogLevel.Information, Message = "Job {JobId} attempt {Attempt} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid jobId, int attempt, string reason);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Warning, Message = "Job {JobId} attempt {Attempt} lost its lease (expired or cancelled); its run was stopped")]
    private static partial void LogLeaseLost(ILogger logger, Guid jobId, int attempt);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Warning, Message = "Job {JobId} attempt {Attempt} finished but its result was not recorded: the lease is no longer current")]
    private static partial void LogNotRecorded(ILogger logger, Guid jobId, int attempt);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Renewing the lease of job {JobId} failed; retrying at the next heartbeat")]
    private static partial void LogRenewFailed(ILogger logger, Guid jobId, Exception exception);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "Job {JobId} attempt {Attempt} was interrupted by {Failure} past the retries (storage unreachable or a silo leaving); its lease will expire and the job run again")]
    private static partial void LogInterrupted(ILogger logger, Guid jobId, int attempt, string failure);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Error, Message = "A grain call around job {JobId} failed; its lease will expire and the job run again")]
    private static partial void LogJobCallFailed(ILogger logger, Guid jobId, Exception exception);
}
