namespace ModelGrid.Hub;

/// <summary>A file of a draft: what the publisher declared and whether the hub holds verified content for it.</summary>
public sealed record DeclaredFile(
    string Path,
    long Size,
    string Sha256,
    bool Present)
{
    /// <summary>The manifest entry of this file.</summary>
    public ManifestFile ToManifestFile() => new(Path, Size, Sha256);
}
