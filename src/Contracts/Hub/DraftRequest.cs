namespace ModelGrid.Hub;

/// <summary>What a publisher declares when opening a draft: the files it will hold and, optionally, the card r1.</summary>
public sealed record DraftRequest(
    IReadOnlyList<ManifestFile> Files,
    string? Card);
