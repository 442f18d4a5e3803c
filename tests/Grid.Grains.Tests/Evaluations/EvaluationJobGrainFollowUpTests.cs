using ModelGrid.Evaluations;
using ModelGrid.Hub;

namespace ModelGrid.Grains.Tests.Evaluations;

[Collection(JobClusterGroup.Name)]
public sealed class EvaluationJobGrainFollowUpTests(JobCluster jobs)
{
    [Fact]
    public async Task Complete_WorkerStopsRightAfterIt_TheResultIsOnTheCardOnce()
    {
        var (_, versions) = await JobFollowUpSetup.PublishSameFilesAsync(jobs);
        var submission = await jobs.Submitter.SubmitAsync(JobFollowUpSetup.SpecFor(versions[0]));
        var job = jobs.Grains.GetGrain<IEvaluationJobGrain>(submission.Job.Id);
        var lease = (await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;
        var result = await JobFollowUpSetup.StoreResultAsync(jobs, lease.JobId);

        // The worker hands the result over and does nothing more, as one that dies right after the call.
        Assert.True(await job.Complete(lease.LeaseId, result));
        Assert.True(await job.Complete(lease.LeaseId, result));

        var recorded = await jobs.Grains.GetGrain<IModelVersionGrain>(versions[0].Model.VersionKey(versions[0].Number)).ListEvaluations();
        var record = Assert.Single(recorded);
        Assert.Equal((lease.JobId, 1, result, JobCluster.CpuWorker.WorkerId), (record.JobId, record.Attempt, record.ResultBlob, record.Worker));
        Assert.Equal(1, await JobFollowUpSetup.EvaluationCardsAsync(jobs, versions[0]));
    }

    [Fact]
    public async Task SubmitAsync_AnotherVersionsJobStillRunning_TheResultReachesBothVersionsOnce()
    {
        var (_, versions) = await JobFollowUpSetup.PublishSameFilesAsync(jobs, count: 2);
        var first = await jobs.Submitter.SubmitAsync(JobFollowUpSetup.SpecFor(versions[0]));
        var job = jobs.Grains.GetGrain<IEvaluationJobGrain>(first.Job.Id);
        var lease = (await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;

        var joined = await jobs.Submitter.SubmitAsync(JobFollowUpSetup.SpecFor(versions[1]));
        await jobs.Submitter.SubmitAsync(JobFollowUpSetup.SpecFor(versions[1]));
        Assert.True(joined.Deduplicated);
        Assert.Equal(first.Job.Id, joined.Job.Id);
        Assert.Equal(JobStatus.Leased, joined.Job.Status);
        Assert.True(await job.Complete(lease.LeaseId, await JobFollowUpSetup.StoreResultAsync(jobs, lease.JobId)));

        foreach (var version in versions)
        {
            var recorded = await jobs.Grains.GetGrain<IModelVersionGrain>(version.Model.VersionKey(version.Number)).ListEvaluations();
            Assert.Equal(lease.JobId, Assert.Single(recorded).JobId);
            Assert.Equal(1, await JobFollowUpSetup.EvaluationCardsAsync(jobs, version));
        }
    }

    [Fact]
    public async Task Join_VersionOfAnotherModel_IsRefused()
    {
        var job = await jobs.NewJobAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => job.Join("bob/other@1"));

        Assert.StartsWith("bob/other@1 is not a version of alice/mnist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(JobStatus.Succeeded)]
    [InlineData(JobStatus.Failed)]
    [InlineData(JobStatus.Cancelled)]
    public async Task FinishedJob_LeavesItsPartitionAtOnce(JobStatus outcome)
    {
        var submission = await jobs.Submitter.SubmitAsync(JobCluster.NewSpec());
        var queue = jobs.Grains.GetGrain<IJobQueueGrain>(jobs.Submitter.PartitionOf(submission.Job));

        // Other tests' jobs may wait in the same partition, older than this one.
        var lease = (await queue.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;
        while (lease.JobId != submission.Job.Id)
        {
            lease = (await queue.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;
        }

        var before = await queue.Count();
        var job = jobs.Grains.GetGrain<IEvaluationJobGrain>(lease.JobId);

        _ = outcome switch
        {
            JobStatus.Succeeded => await job.Complete(lease.LeaseId, "results/x/1.json"),
            JobStatus.Failed => await job.Fail(lease.LeaseId, "broken"),
            _ => (await job.Cancel("alice")).IsFinal,
        };

        // No sweep and no time passed: the job grain told its partition.
        Assert.Equal(before with { InFlight = before.InFlight - 1 }, await queue.Count());
    }
}
