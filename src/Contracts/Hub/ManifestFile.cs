using System.Text.Json.Serialization;

namespace ModelGrid.Hub;

/// <summary>One file of a version: its path inside the version, its size in bytes and the SHA-256 of its content.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ManifestFile(
    [property: JsonRequired] string Path,
    [property: JsonRequired] long Size,
    [property: JsonRequired] string Sha256)
{
    /// <summary>Checks the path, size and digest; null when valid, else a one-line reason.</summary>
    public string? Validate()
    {
        if (Names.ValidateFilePath(Path) is { } pathError)
        {
            return pathError;
        }

        if (Size < 0)
        {
            return $"the size of '{Path}' is negative";
        }

        return Names.IsSha256(Sha256)
            ? null
            : $"the sha256 of '{Path}' is not 64 lowercase hex digits";
    }
}
