namespace ModelGrid.Grains.Models;

/// <summary>Where a user alias points, and who set it when.</summary>
[GenerateSerializer, Immutable, Alias("grid.AliasTarget")]
public sealed record AliasTarget(
    [property: Id(0)] int Version,
    [property: Id(1)] DateTimeOffset UpdatedAt,
    [property: Id(2)] string UpdatedBy);
