using ModelGrid.Evaluation.Running;

namespace ModelGrid.Abstractions.Tests.Serialization;

/// <summary>A test grain that hands contract records to another grain and says how they came back.</summary>
[Alias("grid.test.IRelayGrain")]
public interface IRelayGrain : IGrainWithIntegerKey
{
    /// <summary>The value it was given.</summary>
    [Alias("Echo")] Task<EvaluationReport> Echo(EvaluationReport report);

    /// <summary>The silo it lives on.</summary>
    [Alias("Silo")] Task<string> Silo();

    /// <summary>Sends a sample report to grain <paramref name="target"/> and back: "same instance", "equal copy" or "different".</summary>
    [Alias("Relay")] Task<string> Relay(long target);
}
