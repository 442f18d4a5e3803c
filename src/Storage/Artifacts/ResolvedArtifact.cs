namespace ModelGrid.Storage.Artifacts;

/// <summary>An artifact now in the content-addressed store, and where it came from (a mirror file or URL, when imported).</summary>
public sealed record ResolvedArtifact(ArtifactDescriptor Artifact, ArtifactProvenance Provenance, string? From);
