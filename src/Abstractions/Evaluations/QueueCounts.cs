namespace ModelGrid.Evaluations;

/// <summary>The size of a queue partition's index.</summary>
/// <param name="Queued">Ids it offers to workers.</param>
/// <param name="InFlight">Ids it has leased out and watches for expiry.</param>
[GenerateSerializer, Immutable, Alias("grid.QueueCounts")]
public sealed record QueueCounts(
    [property: Id(0)] int Queued,
    [property: Id(1)] int InFlight);
