namespace ModelGrid.Hub;

/// <summary>A change of a model's metadata; a null field is left as it is.</summary>
public sealed record ModelUpdate(
    string? Description,
    string? Task,
    string? License,
    IReadOnlyList<string>? Tags,
    ModelVisibility? Visibility);
