namespace ModelGrid.Hub;

/// <summary>What a publisher gives when creating a model.</summary>
public sealed record ModelCreate(
    string? Description,
    string? Task,
    string? License,
    IReadOnlyList<string>? Tags,
    ModelVisibility Visibility);
