using ModelGrid.Storage.Artifacts;

namespace ModelGrid.Silo.Demo;

/// <summary>An artifact the demo needs and the silo could not get, and what needs it (the demo model, a suite).</summary>
public sealed record MissingArtifact(ArtifactDescriptor Artifact, string NeededFor);
