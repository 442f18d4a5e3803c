using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluations;
using ModelGrid.Serialization;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace ModelGrid.Abstractions.Tests.Serialization;

/// <summary>
/// Contract records carry no Orleans attributes: between silos they travel as JSON and arrive equal, within a silo
/// they are handed over as the same instance.
/// </summary>
public sealed class GridSerializationTests : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => silo.Services.AddSerializer(serializer => serializer.AddGridSerialization()));
        builder.ConfigureClient(client => client.Services.AddSerializer(serializer => serializer.AddGridSerialization()));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Relay_TargetOnTheOtherSilo_ArrivesAsAnEqualCopy()
    {
        var (first, other) = await TwoGrainsAsync(sameSilo: false);

        Assert.Equal("equal copy", await _cluster!.Client.GetGrain<IRelayGrain>(first).Relay(other));
    }

    [Fact]
    public async Task Relay_TargetOnTheSameSilo_SameInstanceWithoutACopy()
    {
        var (first, other) = await TwoGrainsAsync(sameSilo: true);

        Assert.Equal("same instance", await _cluster!.Client.GetGrain<IRelayGrain>(first).Relay(other));
    }

    [Fact]
    public async Task Echo_FromTheClient_RoundTripsEveryMember()
    {
        var report = Contracts.Tests.Cards.SampleReports.Throughput();

        var back = await _cluster!.Client.GetGrain<IRelayGrain>(1).Echo(report);

        Assert.NotSame(report, back);
        Assert.Equal(JsonSerializer.Serialize(report, GridSerialization.JsonOptions), JsonSerializer.Serialize(back, GridSerialization.JsonOptions));
        Assert.Equal(report.Throughput!.Measurements[0], back.Throughput!.Measurements[0]);
        Assert.Equal(report.Environment, back.Environment);
    }

    [Fact]
    public void Serializer_JobSnapshot_RoundTripsEqual()
    {
        var serializer = _cluster!.Silos[0].ServiceProvider.GetRequiredService<Serializer>();
        var at = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var job = new JobSnapshot(
            Guid.NewGuid(),
            new JobSpec(new ModelId("alice", "mnist"), 2, "r-2", "mnist-accuracy", "d", "modelgrid-eval/1", "cpu", false, false, "alice"),
            JobStatus.Leased, 1, "lease", "worker-1", at, null, null, at, at, null);

        Assert.Equal(job, serializer.Deserialize<JobSnapshot>(serializer.SerializeToArray(job)));
    }

    [Fact]
    public void IsContract_TypesOfTheContractsAssembly_OnlyThose()
    {
        Assert.True(GridSerialization.IsContract(typeof(EvaluationReport)));
        Assert.True(GridSerialization.IsContract(typeof(ModelId)));
        Assert.False(GridSerialization.IsContract(typeof(JobLease)));
    }

    /// <summary>Two relay grains on the same or on different silos (placement is the runtime's; keys are tried until it fits).</summary>
    private async Task<(long First, long Other)> TwoGrainsAsync(bool sameSilo)
    {
        var silos = new Dictionary<long, string>();
        for (long key = 100; key < 400; key++)
        {
            silos[key] = await _cluster!.Client.GetGrain<IRelayGrain>(key).Silo();
            if (silos.Count > 1 && silos.FirstOrDefault(p => p.Key != key && (p.Value == silos[key]) == sameSilo) is { Key: > 0 } match)
            {
                return (match.Key, key);
            }
        }

        throw new InvalidOperationException("placement never put two grains where the test needs them");
    }
}
