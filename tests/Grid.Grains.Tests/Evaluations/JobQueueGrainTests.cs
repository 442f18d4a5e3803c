using ModelGrid.Evaluations;
using ModelGrid.Grains.Evaluations;
using ModelGrid.Testing;

namespace ModelGrid.Grains.Tests.Evaluations;

[Collection(JobClusterGroup.Name)]
public sealed class JobQueueGrainTests(JobCluster jobs)
{
    [Fact]
    public async Task TryLease_OffersTheOldestFirstAndWatchesTheLease()
    {
        var queue = jobs.NewQueue();
        var first = await jobs.NewJobAsync();
        var second = await jobs.NewJobAsync();
        await queue.Enqueue(first.GetPrimaryKey());
        await queue.Enqueue(second.GetPrimaryKey());
        await queue.Enqueue(first.GetPrimaryKey());

        var lease = await queue.TryLease(JobCluster.CpuWorker, JobCluster.Lease);

        Assert.Equal(first.GetPrimaryKey(), lease!.JobId);
        Assert.Equal(JobStatus.Leased, (await first.Get())!.Status);
        Assert.Equal(new QueueCounts(1, 1), await queue.Count());
    }

    [Fact]
    public async Task Sweep_LastLeaseExpiredAndTheJobWaits_KeepsTheWatchdog()
    {
        var queue = jobs.NewQueue();
        var job = await jobs.NewJobAsync();
        await queue.Enqueue(job.GetPrimaryKey());
        await queue.TryLease(JobCluster.CpuWorker, JobCluster.Lease);
        jobs.Time.Advance(JobCluster.Lease);

        Assert.Equal(1, await queue.Sweep());

        // No lease is out, but a job waits: the watchdog stays, as it would between the leases of a drain.
        Assert.Equal(new QueueCounts(1, 0), await queue.Count());
        Assert.NotNull(await jobs.Reminders.ReadRow(queue.GetGrainId(), JobQueueGrain.WatchdogReminder, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Sweep_LastJobForgotten_DropsTheWatchdog()
    {
        var queue = jobs.NewQueue();
        var job = await jobs.NewJobAsync();
        await queue.Enqueue(job.GetPrimaryKey());
        var lease = (await queue.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;
        var leased = await jobs.Reminders.ReadRow(queue.GetGrainId(), JobQueueGrain.WatchdogReminder, TestContext.Current.CancellationToken);
        await job.Complete(lease.LeaseId, "results/done.json");
        jobs.Time.Advance(JobCluster.Lease);

        Assert.Equal(0, await queue.Sweep());

        Assert.NotNull(leased);
        Assert.Equal(new QueueCounts(0, 0), await queue.Count());
        Assert.Null(await jobs.Reminders.ReadRow(queue.GetGrainId(), JobQueueGrain.WatchdogReminder, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TryLease_Empty_IsNull()
    {
        Assert.Null(await jobs.NewQueue().TryLease(JobCluster.CpuWorker, JobCluster.Lease));
    }

    [Fact]
    public async Task TryLease_StaleEntries_AreDroppedAndTheNextJobIsLeased()
    {
        var queue = jobs.NewQueue();
        var cancelled = await jobs.NewJobAsync();
        var neverSubmitted = Guid.NewGuid();
        var live = await jobs.NewJobAsync();
        await queue.Enqueue(cancelled.GetPrimaryKey());
        await queue.Enqueue(neverSubmitted);
        await queue.Enqueue(live.GetPrimaryKey());
        await cancelled.Cancel("alice");

        var lease = await queue.TryLease(JobCluster.CpuWorker, JobCluster.Lease);

        Assert.Equal(live.GetPrimaryKey(), lease!.JobId);
        Assert.Equal(new QueueCounts(0, 1), await queue.Count());
        Assert.Equal(JobStatus.Cancelled, (await cancelled.Get())!.Status);
        Assert.Null(await jobs.Grains.GetGrain<IEvaluationJobGrain>(neverSubmitted).Get());
    }

    [Fact]
    public async Task TryLease_GpuJobAndCpuWorker_LeavesItQueuedForAGpuWorker()
    {
        var queue = jobs.NewQueue();
        var gpu = await jobs.NewJobAsync(gpu: true);
        await queue.Enqueue(gpu.GetPrimaryKey());

        var refused = await queue.TryLease(JobCluster.CpuWorker, JobCluster.Lease);
        var counts = await queue.Count();
        var granted = await queue.TryLease(JobCluster.GpuWorker, JobCluster.Lease);

        Assert.Null(refused);
        Assert.Equal(new QueueCounts(1, 0), counts);
        Assert.Equal(gpu.GetPrimaryKey(), granted!.JobId);
    }

    [Fact]
    public async Task TryLease_GpuJobFirst_CpuWorkerGetsTheCpuJobBehindIt()
    {
        var queue = jobs.NewQueue();
        var gpu = await jobs.NewJobAsync(gpu: true);
        var cpu = await jobs.NewJobAsync();
        await queue.Enqueue(gpu.GetPrimaryKey());
        await queue.Enqueue(cpu.GetPrimaryKey());

        var lease = await queue.TryLease(JobCluster.CpuWorker, JobCluster.Lease);

        Assert.Equal(cpu.GetPrimaryKey(), lease!.JobId);
        Assert.Equal(JobStatus.Queued, (await gpu.Get())!.Status);
    }

    [Fact]
    public async Task Sweep_ExpiredLease_OffersTheJobAgainWithTheNextAttempt()
    {
        var queue = jobs.NewQueue();
        var job = await jobs.NewJobAsync();
        await queue.Enqueue(job.GetPrimaryKey());
        var first = (await queue.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;

        var early = await queue.Sweep();
        jobs.Time.Advance(JobCluster.Lease);
        var expired = await queue.Sweep();
        var counts = await queue.Count();
        var second = (await queue.TryLease(JobCluster.GpuWorker, JobCluster.Lease))!;

        Assert.Equal(0, early);
        Assert.Equal(1, expired);
        Assert.Equal(new QueueCounts(1, 0), counts);
        Assert.Equal(job.GetPrimaryKey(), second.JobId);
        Assert.Equal(first.Attempt + 1, second.Attempt);
        Assert.False(await job.Complete(first.LeaseId, "results/stale.json"));
    }

    [Fact]
    public async Task Sweep_RenewedLease_IsNotExpired()
    {
        var queue = jobs.NewQueue();
        var job = await jobs.NewJobAsync();
        await queue.Enqueue(job.GetPrimaryKey());
        var lease = (await queue.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;
        jobs.Time.Advance(TimeSpan.FromSeconds(40));
        await job.Renew(lease.LeaseId, JobCluster.Lease);
        jobs.Time.Advance(TimeSpan.FromSeconds(40));

        Assert.Equal(0, await queue.Sweep());
        Assert.Equal(JobStatus.Leased, (await job.Get())!.Status);
        Assert.Equal(new QueueCounts(0, 1), await queue.Count());
    }

    [Fact]
    public async Task Sweep_AfterMaxAttempts_FailsTheJobAndForgetsIt()
    {
        var queue = jobs.NewQueue();
        var job = await jobs.NewJobAsync();
        await queue.Enqueue(job.GetPrimaryKey());

        for (var attempt = 1; attempt <= JobCluster.MaxAttempts; attempt++)
        {
            Assert.Equal(attempt, (await queue.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!.Attempt);
            jobs.Time.Advance(JobCluster.Lease);
            Assert.Equal(1, await queue.Sweep());
        }

        Assert.Equal(JobStatus.Failed, (await job.Get())!.Status);
        Assert.Equal("lease expired 3 times", (await job.Get())!.FailureReason);
        Assert.Equal(new QueueCounts(0, 0), await queue.Count());
    }

    [Fact]
    public async Task Sweep_CompletedJob_IsForgottenAfterItsLeaseWouldHaveExpired()
    {
        var queue = jobs.NewQueue();
        var job = await jobs.NewJobAsync();
        await queue.Enqueue(job.GetPrimaryKey());
        var lease = (await queue.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;
        await job.Complete(lease.LeaseId, "results/done.json");
        jobs.Time.Advance(JobCluster.Lease);

        Assert.Equal(0, await queue.Sweep());
        Assert.Equal(new QueueCounts(0, 0), await queue.Count());
    }

    [Fact]
    public async Task Enqueue_TenThousandIds_AppendsTheSameFewBytesPerOperation()
    {
        var partition = $"cpu-t{Guid.NewGuid():N}";
        var queue = jobs.Grains.GetGrain<IJobQueueGrain>(partition);
        var prefix = $"queues/{partition}/";
        var deltas = new List<long>();
        const int Total = 10_000;

        async Task EnqueueMeasuredAsync()
        {
            var before = await StoredBytesAsync(prefix);
            await queue.Enqueue(Guid.NewGuid());
            deltas.Add(await StoredBytesAsync(prefix) - before);
        }

        for (var i = 0; i < 10; i++)
        {
            await EnqueueMeasuredAsync();
        }

        for (var sent = 10; sent < Total - 10; sent += 500)
        {
            var batch = Math.Min(500, Total - 10 - sent);
            await Task.WhenAll(Enumerable.Range(0, batch).Select(_ => queue.Enqueue(Guid.NewGuid())));
        }

        for (var i = 0; i < 10; i++)
        {
            await EnqueueMeasuredAsync();
        }

        // One 34-byte record per enqueue, whether 1 or 9,999 ids are indexed: nothing is rewritten per operation.
        Assert.All(deltas, d => Assert.Equal(34, d));
        Assert.Equal(34L * Total, await StoredBytesAsync(prefix));
        Assert.Equal(new QueueCounts(Total, 0), await queue.Count());
    }

    [Fact]
    public async Task Restart_RebuildsTheIndexFromSnapshotAndLog_AndAStaleEntryIsHarmless()
    {
        var root = TestPaths.NewTempFolder("jobs-restart");
        // A partition no job id hashes to: finished jobs tell their own partition to forget them, and this test drives its own.
        const string Partition = "cpu-restart";
        var ids = new List<Guid>();
        try
        {
            await using (var before = await JobCluster.StartAsync(root))
            {
                var queue = before.Grains.GetGrain<IJobQueueGrain>(Partition);

                // Churn enough to compact: each job is enqueued, leased and completed, then forgotten by a sweep.
                for (var i = 0; i < JobCluster.CompactionRecords; i++)
                {
                    var done = await before.NewJobAsync();
                    await queue.Enqueue(done.GetPrimaryKey());
                    var lease = (await queue.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;
                    await done.Complete(lease.LeaseId, $"results/{i}.json");
                }

                before.Time.Advance(JobCluster.Lease);
                await queue.Sweep();
                Assert.NotNull(await before.Blobs.GetInfoAsync($"queues/{Partition}/snapshot.json", TestContext.Current.CancellationToken));
                Assert.Null(await before.Blobs.GetInfoAsync($"queues/{Partition}/log-0", TestContext.Current.CancellationToken));

                for (var i = 0; i < 4; i++)
                {
                    var job = await before.NewJobAsync();
                    ids.Add(job.GetPrimaryKey());
                    await queue.Enqueue(job.GetPrimaryKey());
                }

                var leased = (await queue.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;
                Assert.Equal(ids[0], leased.JobId);
                await before.Grains.GetGrain<IEvaluationJobGrain>(ids[1]).Cancel("alice");
                Assert.Equal(new QueueCounts(3, 1), await queue.Count());
            }

            await using var after = await JobCluster.StartAsync(root);
            var rebuilt = after.Grains.GetGrain<IJobQueueGrain>(Partition);

            Assert.Equal(new QueueCounts(3, 1), await rebuilt.Count());

            // ids[1] was cancelled while queued: the rebuilt index still offers it, and the job grain refuses it.
            var next = await rebuilt.TryLease(JobCluster.CpuWorker, JobCluster.Lease);
            Assert.Equal(ids[2], next!.JobId);
            Assert.Equal(new QueueCounts(1, 2), await rebuilt.Count());

            // The lease from before the restart is still watched: it expires on the new clock like any other
            // (the restarted clock starts where the first one did, which was two leases further on).
            after.Time.Advance(3 * JobCluster.Lease);
            Assert.Equal(2, await rebuilt.Sweep());
            Assert.Equal(2, (await after.Grains.GetGrain<IEvaluationJobGrain>(ids[0]).Get())!.Attempt);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private async Task<long> StoredBytesAsync(string prefix)
    {
        long total = 0;
        await foreach (var blob in jobs.Blobs.ListAsync(prefix, TestContext.Current.CancellationToken))
        {
            total += blob.Length;
        }

        return total;
    }
}
