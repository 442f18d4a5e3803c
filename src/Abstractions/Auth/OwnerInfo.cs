namespace ModelGrid.Auth;

/// <summary>An owner namespace: created by an admin, holding models and tokens.</summary>
[GenerateSerializer, Immutable, Alias("grid.OwnerInfo")]
public sealed record OwnerInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] string CreatedBy,
    [property: Id(3)] IReadOnlyList<string> TokenIds);
