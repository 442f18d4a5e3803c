using ModelGrid.Evaluations;
using ModelGrid.Testing;

namespace ModelGrid.Grains.Tests.Evaluations;

[Collection(JobClusterGroup.Name)]
public sealed class WorkerRegistryGrainTests(JobCluster jobs)
{
    [Fact]
    public async Task Census_NoWorkerEverJoined_NoneConnectedAndNoGpuEver()
    {
        Assert.Equal(new WorkerCensus(0, 0, false), await NewRegistry().Census());
    }

    [Fact]
    public async Task Heartbeat_WorkersCountUntilALeasePassesWithoutOne_AndTheGpuIsRemembered()
    {
        var registry = NewRegistry();
        await registry.Heartbeat(JobCluster.GpuWorker);
        await registry.Heartbeat(JobCluster.CpuWorker);
        var both = await registry.Census();

        jobs.Time.Advance(JobCluster.Lease - TimeSpan.FromSeconds(1));
        await registry.Heartbeat(JobCluster.CpuWorker);
        var stillBoth = await registry.Census();
        jobs.Time.Advance(TimeSpan.FromSeconds(1));
        var cpuOnly = await registry.Census();

        Assert.Equal(new WorkerCensus(2, 1, true), both);
        Assert.Equal(new WorkerCensus(2, 1, true), stillBoth);
        Assert.Equal(new WorkerCensus(1, 0, true), cpuOnly);
    }

    [Fact]
    public async Task Leave_TheWorkerNoLongerCounts_ButAGpuThatJoinedIsRemembered()
    {
        var registry = NewRegistry();
        await registry.Heartbeat(JobCluster.GpuWorker);

        await registry.Leave(JobCluster.GpuWorker.WorkerId);

        Assert.Equal(new WorkerCensus(0, 0, true), await registry.Census());
    }

    [Fact]
    public async Task Census_AfterARestart_RemembersThatAGpuJoined_ButNotWhoIsConnected()
    {
        var root = TestPaths.NewTempFolder("workers-restart");
        try
        {
            await using (var before = await JobCluster.StartAsync(root))
            {
                await before.Grains.GetGrain<IWorkerRegistryGrain>(0).Heartbeat(JobCluster.GpuWorker);
            }

            await using var after = await JobCluster.StartAsync(root);

            Assert.Equal(new WorkerCensus(0, 0, true), await after.Grains.GetGrain<IWorkerRegistryGrain>(0).Census());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private IWorkerRegistryGrain NewRegistry() => jobs.Grains.GetGrain<IWorkerRegistryGrain>(Random.Shared.NextInt64(1, long.MaxValue));
}
