namespace ModelGrid.Hub;

/// <summary>A model as the hub shows it.</summary>
[GenerateSerializer, Immutable, Alias("grid.ModelDetails")]
public sealed record ModelDetails(
    [property: Id(0)] ModelId Id,
    [property: Id(1)] string? Description,
    [property: Id(2)] string? Task,
    [property: Id(3)] string? License,
    [property: Id(4)] IReadOnlyList<string> Tags,
    [property: Id(5)] ModelVisibility Visibility,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] string CreatedBy,
    [property: Id(8)] DateTimeOffset UpdatedAt,
    [property: Id(9)] int? LatestVersion,
    [property: Id(10)] int VersionCount);
