namespace ModelGrid.Hub;

/// <summary>What a publisher declares when opening a draft: the files it will hold and, optionally, the card r1.</summary>
[GenerateSerializer, Immutable, Alias("grid.DraftRequest")]
public sealed record DraftRequest(
    [property: Id(0)] IReadOnlyList<ManifestFile> Files,
    [property: Id(1)] string? Card);
