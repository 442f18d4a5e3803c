namespace ModelGrid.Hub;

/// <summary>An alias and the version it points at; <see cref="Reserved"/> aliases follow the newest standing version.</summary>
[GenerateSerializer, Immutable, Alias("grid.AliasEntry")]
public sealed record AliasEntry(
    [property: Id(0)] string Alias,
    [property: Id(1)] int Version,
    [property: Id(2)] bool Reserved,
    [property: Id(3)] DateTimeOffset UpdatedAt,
    [property: Id(4)] string UpdatedBy);
