namespace ModelGrid.Hub;

/// <summary>A place where a content digest is used: a file of a version of a model.</summary>
[GenerateSerializer, Immutable, Alias("grid.ContentReference")]
public sealed record ContentReference(
    [property: Id(0)] ModelId Model,
    [property: Id(1)] int Version);
