namespace ModelGrid.Hub;

/// <summary>One move of an alias: who moved it, when, and from which version to which (null = unset).</summary>
[GenerateSerializer, Immutable, Alias("grid.AliasChange")]
public sealed record AliasChange(
    [property: Id(0)] string Alias,
    [property: Id(1)] int? From,
    [property: Id(2)] int? To,
    [property: Id(3)] string By,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string Reason);
