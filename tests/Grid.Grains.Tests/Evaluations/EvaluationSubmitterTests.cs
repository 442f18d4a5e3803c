using ModelGrid.Evaluations;

namespace ModelGrid.Grains.Tests.Evaluations;

[Collection(JobClusterGroup.Name)]
public sealed class EvaluationSubmitterTests(JobCluster jobs)
{
    [Fact]
    public async Task SubmitAsync_New_QueuesTheJobOnThePartitionOfItsId()
    {
        var spec = JobCluster.NewSpec();

        var submission = await jobs.Submitter.SubmitAsync(spec);

        Assert.False(submission.Deduplicated);
        Assert.Equal(JobStatus.Queued, submission.Job.Status);
        Assert.Equal(spec, submission.Job.Spec);
        var partition = JobPartitions.For(HardwareClasses.Cpu, submission.Job.Id, JobCluster.Partitions);
        Assert.Equal(partition, jobs.Submitter.PartitionOf(submission.Job));
        Assert.StartsWith("cpu-", partition, StringComparison.Ordinal);
        Assert.Equal(submission.Job.Id, await jobs.Grains.GetGrain<IJobDedupGrain>(spec.DedupKey).Current());
        Assert.Contains(submission.Job.Id, await jobs.Grains.GetGrain<IVersionEvaluationsGrain>(spec.VersionKey).List());
    }

    [Fact]
    public async Task SubmitAsync_SameKey_ReturnsTheSameJob()
    {
        var spec = JobCluster.NewSpec();
        var first = await jobs.Submitter.SubmitAsync(spec);

        var second = await jobs.Submitter.SubmitAsync(spec with { Requester = "bob" });

        Assert.True(second.Deduplicated);
        Assert.Equal(first.Job.Id, second.Job.Id);
        Assert.Equal("tester", second.Job.Spec.Requester);
        Assert.Single(await jobs.Grains.GetGrain<IVersionEvaluationsGrain>(spec.VersionKey).List(), id => id == first.Job.Id);
    }

    [Fact]
    public async Task SubmitAsync_SucceededKey_ReturnsTheRecordedResult()
    {
        var spec = JobCluster.NewSpec();
        var first = await jobs.Submitter.SubmitAsync(spec);
        var job = jobs.Grains.GetGrain<IEvaluationJobGrain>(first.Job.Id);
        var lease = (await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;
        await job.Complete(lease.LeaseId, "results/r/1.json");

        var again = await jobs.Submitter.SubmitAsync(spec);

        Assert.True(again.Deduplicated);
        Assert.Equal(JobStatus.Succeeded, again.Job.Status);
        Assert.Equal("results/r/1.json", again.Job.ResultRef);
    }

    [Fact]
    public async Task SubmitAsync_Force_CreatesANewJob()
    {
        var spec = JobCluster.NewSpec();
        var first = await jobs.Submitter.SubmitAsync(spec);

        var forced = await jobs.Submitter.SubmitAsync(spec, force: true);
        var after = await jobs.Submitter.SubmitAsync(spec);

        Assert.False(forced.Deduplicated);
        Assert.NotEqual(first.Job.Id, forced.Job.Id);
        Assert.Equal(forced.Job.Id, after.Job.Id);
        var listed = (await jobs.Grains.GetGrain<IVersionEvaluationsGrain>(spec.VersionKey).List()).Where(id => id == first.Job.Id || id == forced.Job.Id);
        Assert.Equal([first.Job.Id, forced.Job.Id], listed);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SubmitAsync_AfterFailureOrCancellation_CreatesANewJob(bool fail)
    {
        var spec = JobCluster.NewSpec();
        var first = await jobs.Submitter.SubmitAsync(spec);
        var job = jobs.Grains.GetGrain<IEvaluationJobGrain>(first.Job.Id);
        if (fail)
        {
            var lease = (await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;
            await job.Fail(lease.LeaseId, "broken");
        }
        else
        {
            await job.Cancel("alice");
        }

        var again = await jobs.Submitter.SubmitAsync(spec);

        Assert.False(again.Deduplicated);
        Assert.NotEqual(first.Job.Id, again.Job.Id);
        Assert.Equal(JobStatus.Queued, again.Job.Status);
    }

    [Fact]
    public async Task SubmitAsync_PerHardware_KeysDifferByHardwareClass()
    {
        var revision = new string('a', 64);
        var cpu = JobCluster.NewSpec(perHardware: true, revision: revision) with { SuiteDigest = new string('e', 64) };
        var gpu = cpu with { HardwareClass = HardwareClasses.Gpu, RequiresGpu = true };
        var shared = cpu with { PerHardware = false };

        var onCpu = await jobs.Submitter.SubmitAsync(cpu);
        var onGpu = await jobs.Submitter.SubmitAsync(gpu);

        Assert.NotEqual(cpu.DedupKey, gpu.DedupKey);
        Assert.NotEqual(cpu.DedupKey, shared.DedupKey);
        Assert.Equal(shared.DedupKey, (shared with { HardwareClass = HardwareClasses.Gpu, RequiresGpu = true }).DedupKey);
        Assert.NotEqual(onCpu.Job.Id, onGpu.Job.Id);
        Assert.StartsWith("gpu-", jobs.Submitter.PartitionOf(onGpu.Job), StringComparison.Ordinal);
    }
}
