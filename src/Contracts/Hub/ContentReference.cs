namespace ModelGrid.Hub;

/// <summary>A place where a content digest is used: a file of a version of a model.</summary>
public sealed record ContentReference(
    ModelId Model,
    int Version);
