namespace ModelGrid.Hub;

/// <summary>A change of a model's metadata; a null field is left as it is.</summary>
[GenerateSerializer, Immutable, Alias("grid.ModelUpdate")]
public sealed record ModelUpdate(
    [property: Id(0)] string? Description,
    [property: Id(1)] string? Task,
    [property: Id(2)] string? License,
    [property: Id(3)] IReadOnlyList<string>? Tags,
    [property: Id(4)] ModelVisibility? Visibility);
