using ModelGrid.Storage.Content;

namespace ModelGrid.Storage.Artifacts;

/// <summary>
/// A third-party file the project uses but does not ship: its name (the file name mirrors hold), size, SHA-256 and
/// licence, and one of: a pinned <see cref="Source"/>; for a derived file, the <see cref="DerivedFrom"/> original; for a
/// file no public address serves byte for byte (a converted model), <see cref="MirrorOnly"/>, which says how it was made.
/// A mirror-only artifact comes from the store or a mirror folder alone.
/// </summary>
public sealed record ArtifactDescriptor(
    string Name,
    long Size,
    string Sha256,
    string License,
    string? Description,
    ArtifactSource? Source,
    ArtifactOrigin? DerivedFrom,
    string? MirrorOnly = null)
{
    /// <summary>Checks the descriptor; null when valid, else a one-line reason.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Contains('/', StringComparison.Ordinal) || Name.Contains('\\', StringComparison.Ordinal))
        {
            return $"artifact name '{Name}' must be a plain file name";
        }

        if (Size < 0 || !Sha256Digest.IsValid(Sha256))
        {
            return $"artifact '{Name}' needs a size and a lowercase hex sha256";
        }

        if ((Source is null ? 0 : 1) + (DerivedFrom is null ? 0 : 1) + (MirrorOnly is null ? 0 : 1) != 1)
        {
            return $"artifact '{Name}' needs exactly one of source, derivedFrom and mirrorOnly";
        }

        if (MirrorOnly is not null && string.IsNullOrWhiteSpace(MirrorOnly))
        {
            return $"mirror-only artifact '{Name}' must say how it was made";
        }

        if (DerivedFrom is { } origin)
        {
            if (!Sha256Digest.IsValid(origin.Sha256))
            {
                return $"the original of artifact '{Name}' needs a lowercase hex sha256";
            }

            if (origin.Transform.Kind != ArtifactTransform.CsvDropColumns || origin.Transform.Columns.Count == 0)
            {
                return $"artifact '{Name}' has an unknown transform '{origin.Transform.Kind}'";
            }
        }

        return null;
    }

    /// <summary>Where it is downloaded from: its own source, or its original's; null for a mirror-only artifact.</summary>
    public ArtifactSource? DownloadSource => Source ?? DerivedFrom?.Source;
}
