namespace ModelGrid.Bom;

/// <summary>A declared third-party file (<c>artifacts.json</c>) as the bill of materials lists it.</summary>
/// <param name="Name">The artifact's file name.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">Its lowercase hex SHA-256.</param>
/// <param name="License">Its licence as declared (an SPDX id or a name).</param>
/// <param name="Description">What it is, or null.</param>
/// <param name="Source">The pinned address it is downloaded from, or null for a derived or mirror-only file.</param>
/// <param name="Original">For a derived file, the original it is made from; else null.</param>
/// <param name="MadeHow">For a file no public address serves, how it was made; else null.</param>
public sealed record BomArtifact(
    string Name,
    long Size,
    string Sha256,
    string License,
    string? Description,
    Uri? Source,
    BomArtifactOrigin? Original,
    string? MadeHow);
