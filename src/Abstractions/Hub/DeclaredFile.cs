namespace ModelGrid.Hub;

/// <summary>A file of a draft: what the publisher declared and whether the hub holds verified content for it.</summary>
[GenerateSerializer, Immutable, Alias("grid.DeclaredFile")]
public sealed record DeclaredFile(
    [property: Id(0)] string Path,
    [property: Id(1)] long Size,
    [property: Id(2)] string Sha256,
    [property: Id(3)] bool Present)
{
    /// <summary>The manifest entry of this file.</summary>
    public ManifestFile ToManifestFile() => new(Path, Size, Sha256);
}
