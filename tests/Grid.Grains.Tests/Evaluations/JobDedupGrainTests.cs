using System.Text;
using ModelGrid.Evaluations;
using ModelGrid.Storage.Blobs;
using ModelGrid.Storage.GrainStorage;

namespace ModelGrid.Grains.Tests.Evaluations;

[Collection(JobClusterGroup.Name)]
public sealed class JobDedupGrainTests(JobCluster jobs)
{
    private static readonly ModelId Alice = new("alice", "mnist");
    private static readonly ModelId Bob = new("bob", "mnist");
    private static readonly ModelId Carol = new("carol", "mnist");

    [Fact]
    public async Task Claim_ModelsWithTheSameKey_EachGetsItsOwnJob_AndSeesTheOthersJobs()
    {
        var dedup = NewKey();
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var forAlice = await dedup.Claim(Alice, a, force: false);
        var forBob = await dedup.Claim(Bob, b, force: false);
        var forCarol = await dedup.Claim(Carol, c, force: false);

        Assert.Equal(a, forAlice.JobId);
        Assert.Empty(forAlice.OtherModelsJobs);
        Assert.Equal(b, forBob.JobId);
        Assert.Equal([a], forBob.OtherModelsJobs);
        Assert.Equal(c, forCarol.JobId);
        Assert.Equal([a, b], forCarol.OtherModelsJobs);
        Assert.Equal(b, await dedup.Current(Bob));
    }

    [Fact]
    public async Task Claim_SameModelAgain_ItsJobWithoutOthers_AndForceNewWithoutOthers()
    {
        var dedup = NewKey();
        var bobJob = Guid.NewGuid();
        await dedup.Claim(Bob, bobJob, force: false);
        var aliceJob = (await dedup.Claim(Alice, Guid.NewGuid(), force: false)).JobId;

        var again = await dedup.Claim(Alice, Guid.NewGuid(), force: false);
        var forcedId = Guid.NewGuid();
        var forced = await dedup.Claim(Alice, forcedId, force: true);

        Assert.Equal(aliceJob, again.JobId);
        Assert.Empty(again.OtherModelsJobs);
        Assert.Equal(forcedId, forced.JobId);
        Assert.Empty(forced.OtherModelsJobs);
        Assert.Equal(forcedId, await dedup.Current(Alice));
        Assert.Equal(bobJob, await dedup.Current(Bob));
    }

    [Fact]
    public async Task Claim_KeyRecordedWithOneJobForEveryModel_TheJobBelongsToItsOwnModel()
    {
        var spec = JobCluster.NewSpec();
        var legacy = Guid.NewGuid();
        await jobs.Grains.GetGrain<IEvaluationJobGrain>(legacy).Submit(spec);
        var record = StateRecordNames.For("dedup", "job-dedup", spec.DedupKey);
        await jobs.Blobs.PutAsync(record, Encoding.UTF8.GetBytes($"{{\"Current\":\"{legacy:D}\",\"Previous\":[]}}"), WriteCondition.None, TestContext.Current.CancellationToken);
        var dedup = jobs.Grains.GetGrain<IJobDedupGrain>(spec.DedupKey);

        var sameModel = await dedup.Claim(spec.Model, Guid.NewGuid(), force: false);
        var otherId = Guid.NewGuid();
        var otherModel = await dedup.Claim(Bob, otherId, force: false);

        Assert.Equal(legacy, sameModel.JobId);
        Assert.Equal(otherId, otherModel.JobId);
        Assert.Equal([legacy], otherModel.OtherModelsJobs);
        Assert.Equal(legacy, await dedup.Current(spec.Model));
    }

    private IJobDedupGrain NewKey() => jobs.Grains.GetGrain<IJobDedupGrain>(JobCluster.NewSpec().DedupKey);
}
