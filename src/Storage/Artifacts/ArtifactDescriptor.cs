using ModelGrid.Storage.Content;

namespace ModelGrid.Storage.Artifacts;

/// <summary>
/// A third-party file the project uses but does not ship: its name (the file name mirrors hold), size, SHA-256 and
/// licence, and either a pinned <see cref="Source"/> or, for a derived file, the <see cref="DerivedFrom"/> original.
/// </summary>
public sealed record ArtifactDescriptor(
    string Name,
    long Size,
    string Sha256,
    string License,
    string? Description,
    ArtifactSource? Source,
    ArtifactOrigin? DerivedFrom)
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

        if ((Source is null) == (DerivedFrom is null))
        {
            return $"artifact '{Name}' needs exactly one of source and derivedFrom";
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

    /// <summary>Where it is downloaded from: its own source, or its original's.</summary>
    public ArtifactSource DownloadSource => Source ?? DerivedFrom!.Source;
}
