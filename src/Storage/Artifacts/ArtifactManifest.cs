using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModelGrid.Storage.Artifacts;

/// <summary>The project's list of third-party artifacts (<c>artifacts.json</c> at the repository root, embedded in this assembly).</summary>
public sealed class ArtifactManifest
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly Dictionary<string, ArtifactDescriptor> _byName;

    /// <summary>Creates a manifest from descriptors; names must be unique and every descriptor valid.</summary>
    /// <param name="artifacts">The artifacts.</param>
    public ArtifactManifest(IEnumerable<ArtifactDescriptor> artifacts)
    {
        _byName = new Dictionary<string, ArtifactDescriptor>(StringComparer.Ordinal);
        foreach (var artifact in artifacts)
        {
            if (artifact.Validate() is { } error)
            {
                throw new InvalidDataException(error);
            }

            if (!_byName.TryAdd(artifact.Name, artifact))
            {
                throw new InvalidDataException($"artifact '{artifact.Name}' is declared twice");
            }
        }
    }

    /// <summary>All artifacts, by name.</summary>
    public IReadOnlyList<ArtifactDescriptor> Artifacts => [.. _byName.Values.OrderBy(a => a.Name, StringComparer.Ordinal)];

    /// <summary>The project's own manifest.</summary>
    public static ArtifactManifest Default { get; } = LoadEmbedded();

    /// <summary>The artifact called <paramref name="name"/>, or null.</summary>
    /// <param name="name">The artifact's name.</param>
    public ArtifactDescriptor? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Reads a manifest in the JSON form of <c>artifacts.json</c>.</summary>
    /// <param name="json">The JSON.</param>
    public static ArtifactManifest Parse(Stream json)
    {
        var file = JsonSerializer.Deserialize<ManifestFile>(json, Json) ?? throw new InvalidDataException("the artifact manifest is empty");
        return new ArtifactManifest(file.Artifacts);
    }

    private static ArtifactManifest LoadEmbedded()
    {
        using var stream = typeof(ArtifactManifest).Assembly.GetManifestResourceStream("ModelGrid.artifacts.json")
            ?? throw new InvalidOperationException("the artifact manifest is not embedded in Grid.Storage");
        return Parse(stream);
    }

    private sealed record ManifestFile(IReadOnlyList<ArtifactDescriptor> Artifacts, string? Comment);
}
