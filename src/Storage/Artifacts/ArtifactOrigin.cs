namespace ModelGrid.Storage.Artifacts;

/// <summary>The original a derived artifact is made from: its file name, size, digest, source and the transform.</summary>
public sealed record ArtifactOrigin(string Name, long Size, string Sha256, ArtifactSource Source, ArtifactTransform Transform);
