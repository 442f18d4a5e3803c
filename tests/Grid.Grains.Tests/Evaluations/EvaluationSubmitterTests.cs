using System.Text;
using ModelGrid.Evaluations;
using ModelGrid.Grains.Evaluations;
using ModelGrid.Storage;
using ModelGrid.Storage.Blobs;

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
        Assert.Equal(submission.Job.Id, await jobs.Grains.GetGrain<IJobDedupGrain>(spec.DedupKey).Current(spec.Model));
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

    [Fact]
    public async Task SubmitAsync_AnotherModelSucceededAndIsReadable_ANewJobOfItsOwnSucceedsAtOnceWithACopy()
    {
        var bob = BobSpec();
        var source = await SucceededAsync(bob, predictions: true);
        var alice = bob with { Model = new ModelId("alice", "copy"), Requester = "alice (a1)" };
        var asked = new List<ModelId>();

        var submission = await jobs.Submitter.SubmitAsync(alice, mayRead: model =>
        {
            asked.Add(model);
            return Task.FromResult(true);
        });

        var job = submission.Job;
        Assert.False(submission.Deduplicated);
        Assert.NotEqual(source, job.Id);
        Assert.Equal([bob.Model], asked);
        Assert.Equal((alice, JobStatus.Succeeded, 1, true), (job.Spec, job.Status, job.Attempt, job.ResultReused));
        Assert.Equal((null, null, null, null), (job.LeaseId, job.Worker, job.StartedAt, job.FailureReason));
        Assert.Equal(HubLayout.Result(job.Id, 1), job.ResultRef);
        Assert.Equal("report of " + source.ToString("D"), await ReadAsync(HubLayout.Result(job.Id, 1)));
        Assert.Equal("rows of " + source.ToString("D"), await ReadAsync(HubLayout.Predictions(job.Id, 1)));
        Assert.Equal([EvaluationJobGrain.ReusedLogLine], await jobs.Grains.GetGrain<IEvaluationJobGrain>(job.Id).GetLog());
        Assert.Equal([job.Id], await jobs.Grains.GetGrain<IVersionEvaluationsGrain>(alice.VersionKey).List());
        var again = await jobs.Submitter.SubmitAsync(alice, mayRead: _ => Task.FromResult(true));
        Assert.True(again.Deduplicated);
        Assert.Equal(job.Id, again.Job.Id);
    }

    [Fact]
    public async Task SubmitAsync_AnotherModelSucceededButIsNotReadable_QueuesARunOfItsOwn()
    {
        var bob = BobSpec();
        await SucceededAsync(bob, predictions: false);
        var alice = bob with { Model = new ModelId("alice", "other") };

        var submission = await jobs.Submitter.SubmitAsync(alice, mayRead: _ => Task.FromResult(false));

        Assert.False(submission.Deduplicated);
        Assert.Equal((JobStatus.Queued, false, alice), (submission.Job.Status, submission.Job.ResultReused, submission.Job.Spec));
        Assert.Null(await jobs.Blobs.GetInfoAsync(HubLayout.Result(submission.Job.Id, 1), Ct));
        Assert.Empty(await jobs.Grains.GetGrain<IEvaluationJobGrain>(submission.Job.Id).GetLog());
    }

    [Fact]
    public async Task SubmitAsync_ForcedOrWithoutAReader_NeverReuses()
    {
        var bob = BobSpec();
        await SucceededAsync(bob, predictions: false);

        var forced = await jobs.Submitter.SubmitAsync(bob with { Model = new ModelId("alice", "forced") }, force: true, mayRead: _ => Task.FromResult(true));
        var unread = await jobs.Submitter.SubmitAsync(bob with { Model = new ModelId("alice", "unread") });

        Assert.Equal(JobStatus.Queued, forced.Job.Status);
        Assert.Equal(JobStatus.Queued, unread.Job.Status);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JobSpec BobSpec() => JobCluster.NewSpec() with { Model = new ModelId("bob", "source"), Requester = "bob (b1)" };

    /// <summary>Runs <paramref name="spec"/> to success on a fake worker, with a result (and predictions) naming the job.</summary>
    private async Task<Guid> SucceededAsync(JobSpec spec, bool predictions)
    {
        var submitted = await jobs.Submitter.SubmitAsync(spec);
        var job = jobs.Grains.GetGrain<IEvaluationJobGrain>(submitted.Job.Id);
        var lease = (await job.TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;
        var id = submitted.Job.Id;
        if (predictions)
        {
            await jobs.Blobs.PutAsync(HubLayout.Predictions(id, 1), Encoding.UTF8.GetBytes("rows of " + id.ToString("D")), WriteCondition.None, Ct);
        }

        await jobs.Blobs.PutAsync(HubLayout.Result(id, 1), Encoding.UTF8.GetBytes("report of " + id.ToString("D")), WriteCondition.None, Ct);
        Assert.True(await job.Complete(lease.LeaseId, HubLayout.Result(id, 1)));
        return id;
    }

    private async Task<string> ReadAsync(string name)
    {
        await using var reader = (await jobs.Blobs.OpenReadAsync(name))!;
        using var text = new StreamReader(reader.Content, Encoding.UTF8);
        return await text.ReadToEndAsync(Ct);
    }
}
