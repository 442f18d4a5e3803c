using ModelGrid.Evaluations;
using ModelGrid.Hub;

namespace ModelGrid.Grains.Tests.Evaluations;

[Collection(JobClusterGroup.Name)]
public sealed class EvaluationJobGrainTests(JobCluster jobs)
{
    [Fact]
    public async Task Submit_Twice_ReturnsTheFirstUnchanged()
    {
        var job = jobs.Grains.GetGrain<IEvaluationJobGrain>(Guid.NewGuid());
        var spec = JobCluster.NewSpec();

        var first = await job.Submit(spec);
        jobs.Time.Advance(TimeSpan.FromSeconds(5));
        var second = await job.Submit(spec with { Requester = "someone-else" });

        Assert.Equal(JobStatus.Queued, first.Status);
        Assert.Equal(1, first.Attempt);
        Assert.Equal(jobs.Time.GetUtcNow() - TimeSpan.FromSeconds(5), first.SubmittedAt);
        Assert.Equal(first, second);
        Assert.Equal("tester", second.Spec.Requester);
    }

    [Fact]
    public async Task SubmitReused_New_SucceededAtOnce_AndOnAnExistingJobChangesNothing()
    {
        var reused = jobs.Grains.GetGrain<IEvaluationJobGrain>(Guid.NewGuid());
        var queued = await jobs.NewJobAsync();
        var spec = JobCluster.NewSpec();

        var snapshot = await reused.SubmitReused(spec, "results/copy/1.json");
        var late = await queued.SubmitReused(spec, "results/late/1.json");
        var lease = await reused.TryLease(JobCluster.CpuWorker, JobCluster.Lease);

        var now = jobs.Time.GetUtcNow();
        Assert.Equal(
            new JobSnapshot(reused.GetPrimaryKey(), spec, JobStatus.Succeeded, 1, null, null, null, null, "results/copy/1.json", now, null, now, ResultReused: true),
            snapshot);
        Assert.Equal(JobStatus.Queued, late.Status);
        Assert.False(late.ResultReused);
        Assert.Null(lease);
        Assert.Equal(["result reused from an earlier run on the same files"], await reused.GetLog());
    }

    [Fact]
    public async Task Submit_InvalidSpec_IsRejectedAndNothingIsStored()
    {
        var job = jobs.Grains.GetGrain<IEvaluationJobGrain>(Guid.NewGuid());

        var error = await Assert.ThrowsAsync<HubException>(() => job.Submit(JobCluster.NewSpec() with { HardwareClass = "tpu" }));

        Assert.Equal(HubErrorKind.Invalid, error.Kind);
        Assert.Null(await job.Get());
    }

    [Fact]
    public async Task TryLease_ThenComplete_Succeeds()
    {
        var job = await jobs.NewJobAsync();
        var leasedAt = jobs.Time.GetUtcNow();

        var lease = await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease);
        var again = await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease);
        jobs.Time.Advance(TimeSpan.FromSeconds(10));
        var completed = await job.Complete(lease!.LeaseId, "results/x/1.json");

        Assert.NotNull(lease);
        Assert.Null(again);
        Assert.Equal(1, lease.Attempt);
        Assert.Equal(leasedAt + JobCluster.Lease, lease.ExpiresAt);
        Assert.True(completed);
        var snapshot = (await job.Get())!;
        Assert.Equal(JobStatus.Succeeded, snapshot.Status);
        Assert.Equal("results/x/1.json", snapshot.ResultRef);
        Assert.Equal("cpu-worker", snapshot.Worker);
        Assert.Equal(lease.LeaseId, snapshot.LeaseId);
        Assert.Equal(leasedAt, snapshot.StartedAt);
        Assert.Equal(leasedAt + TimeSpan.FromSeconds(10), snapshot.CompletedAt);
        Assert.Null(snapshot.LeaseExpiresAt);
    }

    [Fact]
    public async Task Complete_Repeated_IsTrueForTheSameResultOnly()
    {
        var job = await jobs.NewJobAsync();
        var lease = (await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;
        await job.Complete(lease.LeaseId, "results/a/1.json");

        Assert.True(await job.Complete(lease.LeaseId, "results/a/1.json"));
        Assert.False(await job.Complete(lease.LeaseId, "results/b/1.json"));
        Assert.False(await job.Fail(lease.LeaseId, "too late"));
        var snapshot = (await job.Get())!;
        Assert.Equal(JobStatus.Succeeded, snapshot.Status);
        Assert.Equal("results/a/1.json", snapshot.ResultRef);
        Assert.Null(snapshot.FailureReason);
    }

    [Fact]
    public async Task TryLease_GpuJobAndCpuWorker_IsRefused()
    {
        var job = await jobs.NewJobAsync(gpu: true);

        var refused = await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease);
        var status = (await job.Get())!.Status;
        var granted = await job.TryLease(JobCluster.GpuWorker, JobCluster.Lease);

        Assert.Null(refused);
        Assert.Equal(JobStatus.Queued, status);
        Assert.NotNull(granted);
    }

    [Fact]
    public async Task ExpireLease_BeforeExpiry_ChangesNothing()
    {
        var job = await jobs.NewJobAsync();
        var lease = (await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;
        jobs.Time.Advance(JobCluster.Lease - TimeSpan.FromSeconds(1));

        Assert.False(await job.ExpireLease());
        var snapshot = (await job.Get())!;
        Assert.Equal(JobStatus.Leased, snapshot.Status);
        Assert.Equal(lease.LeaseId, snapshot.LeaseId);
    }

    [Fact]
    public async Task ExpireLease_AfterExpiry_RequeuesWithTheNextAttempt()
    {
        var job = await jobs.NewJobAsync();
        await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease);
        jobs.Time.Advance(JobCluster.Lease);

        Assert.True(await job.ExpireLease());
        var snapshot = (await job.Get())!;
        Assert.Equal(JobStatus.Queued, snapshot.Status);
        Assert.Equal(2, snapshot.Attempt);
        Assert.Null(snapshot.LeaseId);
        Assert.Null(snapshot.LeaseExpiresAt);
        Assert.Equal(2, (await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!.Attempt);
    }

    [Fact]
    public async Task ExpireLease_MaxAttemptsTimes_Fails()
    {
        var job = await jobs.NewJobAsync();
        for (var attempt = 1; attempt <= JobCluster.MaxAttempts; attempt++)
        {
            Assert.Equal(attempt, (await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!.Attempt);
            jobs.Time.Advance(JobCluster.Lease + TimeSpan.FromSeconds(1));
            Assert.True(await job.ExpireLease());
        }

        var snapshot = (await job.Get())!;
        Assert.Equal(JobStatus.Failed, snapshot.Status);
        Assert.Equal("lease expired 3 times", snapshot.FailureReason);
        Assert.Equal(jobs.Time.GetUtcNow(), snapshot.CompletedAt);
        Assert.Null(await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease));
        Assert.False(await job.ExpireLease());
    }

    [Fact]
    public async Task OldLease_AfterReLease_IsFencedAndRecordsNothing()
    {
        var job = await jobs.NewJobAsync();
        var old = (await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;
        jobs.Time.Advance(JobCluster.Lease);
        await job.ExpireLease();
        var current = (await job.TryLease(JobCluster.GpuWorker, JobCluster.Lease))!;
        var before = await job.Get();

        Assert.False(await job.Renew(old.LeaseId, JobCluster.Lease));
        Assert.False(await job.AppendLog(old.LeaseId, ["from the old worker"]));
        Assert.False(await job.Complete(old.LeaseId, "results/old.json"));
        Assert.False(await job.Fail(old.LeaseId, "old worker gave up"));

        Assert.NotEqual(old.LeaseId, current.LeaseId);
        Assert.Equal(before, await job.Get());
        Assert.Empty(await job.GetLog());
        Assert.True(await job.Complete(current.LeaseId, "results/new.json"));
        Assert.Equal("results/new.json", (await job.Get())!.ResultRef);
    }

    [Fact]
    public async Task Renew_CurrentLease_MovesTheExpiry()
    {
        var job = await jobs.NewJobAsync();
        var lease = (await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;
        jobs.Time.Advance(TimeSpan.FromSeconds(40));

        Assert.True(await job.Renew(lease.LeaseId, JobCluster.Lease));
        jobs.Time.Advance(TimeSpan.FromSeconds(40));

        Assert.False(await job.ExpireLease());
        Assert.Equal(lease.ExpiresAt + TimeSpan.FromSeconds(40), (await job.Get())!.LeaseExpiresAt);
    }

    [Fact]
    public async Task Fail_CurrentLease_RecordsTheReason()
    {
        var job = await jobs.NewJobAsync();
        var lease = (await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;

        Assert.True(await job.Fail(lease.LeaseId, "model input 'x' not found\nat line 2"));
        Assert.True(await job.Fail(lease.LeaseId, "model input 'x' not found\nat line 2"));

        var snapshot = (await job.Get())!;
        Assert.Equal(JobStatus.Failed, snapshot.Status);
        Assert.Equal("model input 'x' not found at line 2", snapshot.FailureReason);
    }

    [Fact]
    public async Task Cancel_Queued_IsCancelledAndNeverLeased()
    {
        var job = await jobs.NewJobAsync();

        var cancelled = await job.Cancel("alice");

        Assert.Equal(JobStatus.Cancelled, cancelled.Status);
        Assert.Equal("cancelled by alice", cancelled.FailureReason);
        Assert.Null(await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease));
    }

    [Fact]
    public async Task Cancel_Leased_FailsTheNextRenewal()
    {
        var job = await jobs.NewJobAsync();
        var lease = (await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;

        await job.Cancel("alice");

        Assert.False(await job.Renew(lease.LeaseId, JobCluster.Lease));
        Assert.False(await job.Complete(lease.LeaseId, "results/late.json"));
        Assert.Equal(JobStatus.Cancelled, (await job.Get())!.Status);
    }

    [Fact]
    public async Task Cancel_Succeeded_StaysSucceeded()
    {
        var job = await jobs.NewJobAsync();
        var lease = (await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;
        await job.Complete(lease.LeaseId, "results/done.json");

        var after = await job.Cancel("alice");

        Assert.Equal(JobStatus.Succeeded, after.Status);
        Assert.Null(after.FailureReason);
    }

    [Fact]
    public async Task Cancel_Unknown_IsNotFound()
    {
        var job = jobs.Grains.GetGrain<IEvaluationJobGrain>(Guid.NewGuid());

        var error = await Assert.ThrowsAsync<HubException>(() => job.Cancel("alice"));

        Assert.Equal(HubErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task AppendLog_BeyondTheBound_KeepsTheNewestLinesAndSaysHowManyWereDropped()
    {
        var job = await jobs.NewJobAsync();
        var lease = (await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;

        for (var batch = 0; batch < 5; batch++)
        {
            Assert.True(await job.AppendLog(lease.LeaseId, [.. Enumerable.Range(batch * 5, 5).Select(i => $"line {i}")]));
        }

        var log = await job.GetLog();
        Assert.Equal(["… 15 earlier lines dropped", .. Enumerable.Range(15, JobCluster.LogLines).Select(i => $"line {i}")], log);
    }

    [Fact]
    public async Task AppendLog_LongLines_StayWithinTheByteBound()
    {
        var job = await jobs.NewJobAsync();
        var lease = (await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;

        await job.AppendLog(lease.LeaseId, [new string('a', 900), new string('b', 900), new string('c', 900)]);

        // 2,048 bytes hold two of the three lines.
        var log = await job.GetLog();
        Assert.Equal(["… 1 earlier lines dropped", new string('b', 900), new string('c', 900)], log);
    }
}
