namespace ModelGrid.Hub;

/// <summary>What a publisher gives when creating a model.</summary>
[GenerateSerializer, Immutable, Alias("grid.ModelCreate")]
public sealed record ModelCreate(
    [property: Id(0)] string? Description,
    [property: Id(1)] string? Task,
    [property: Id(2)] string? License,
    [property: Id(3)] IReadOnlyList<string>? Tags,
    [property: Id(4)] ModelVisibility Visibility);
