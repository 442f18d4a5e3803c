namespace ModelGrid.Bom;

/// <summary>The original of a derived artifact: where it is, its digest and how the derived file is made from it.</summary>
/// <param name="Name">The original's file name.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">Its lowercase hex SHA-256.</param>
/// <param name="Source">Its pinned address.</param>
/// <param name="Transform">How the derived file is made from it, in words.</param>
public sealed record BomArtifactOrigin(string Name, long Size, string Sha256, Uri Source, string Transform);
