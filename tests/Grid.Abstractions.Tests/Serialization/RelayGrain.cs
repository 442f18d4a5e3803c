using System.Text.Json;
using ModelGrid.Evaluation.Running;
using ModelGrid.Serialization;

namespace ModelGrid.Abstractions.Tests.Serialization;

public sealed class RelayGrain : Grain, IRelayGrain
{
    public Task<EvaluationReport> Echo(EvaluationReport report) => Task.FromResult(report);

    public Task<string> Silo() => Task.FromResult(RuntimeIdentity);

    public async Task<string> Relay(long target)
    {
        var sent = Contracts.Tests.Cards.SampleReports.Bias(0.81);
        var back = await GrainFactory.GetGrain<IRelayGrain>(target).Echo(sent);
        if (ReferenceEquals(back, sent))
        {
            return "same instance";
        }

        return JsonSerializer.Serialize(back, GridSerialization.JsonOptions) == JsonSerializer.Serialize(sent, GridSerialization.JsonOptions)
            ? "equal copy"
            : "different";
    }
}
