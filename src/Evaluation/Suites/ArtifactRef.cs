namespace ModelGrid.Evaluation.Suites;

/// <summary>A declared third-party file as a suite needs it: its name, size and SHA-256.</summary>
/// <param name="Name">The artifact's name.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">Its lowercase hex SHA-256.</param>
public sealed record ArtifactRef(string Name, long Size, string Sha256);
