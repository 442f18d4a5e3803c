using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ModelGrid.Hub;

/// <summary>
/// The immutable list of files of a published version. Its canonical form (DESIGN.md §9.1) is UTF-8 JSON
/// <c>{"files":[{"path":…,"size":…,"sha256":…},…]}</c>, files sorted by path (ordinal), keys in that order,
/// no whitespace; the revision id is the hex SHA-256 of those bytes.
/// </summary>
public sealed class VersionManifest
{
    private VersionManifest(IReadOnlyList<ManifestFile> files, byte[] canonical)
    {
        Files = files;
        CanonicalJson = canonical;
        RevisionId = Convert.ToHexStringLower(SHA256.HashData(canonical));
    }

    /// <summary>The files, sorted by path (ordinal).</summary>
    public IReadOnlyList<ManifestFile> Files { get; }

    /// <summary>The canonical JSON bytes.</summary>
    public ReadOnlyMemory<byte> CanonicalJson { get; }

    /// <summary>The hex SHA-256 of <see cref="CanonicalJson"/>.</summary>
    public string RevisionId { get; }

    /// <summary>Builds the manifest of <paramref name="files"/>; paths must be valid and unique.</summary>
    /// <param name="files">The files in any order.</param>
    public static VersionManifest Create(IEnumerable<ManifestFile> files)
    {
        var sorted = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].Validate() is { } error)
            {
                throw new ArgumentException(error, nameof(files));
            }

            if (i > 0 && string.Equals(sorted[i - 1].Path, sorted[i].Path, StringComparison.Ordinal))
            {
                throw new ArgumentException($"the path '{sorted[i].Path}' appears twice", nameof(files));
            }
        }

        var buffer = new ArrayBufferWriter<byte>(64 + (sorted.Count * 128));
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = CanonicalEncoder }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("files");
            foreach (var file in sorted)
            {
                writer.WriteStartObject();
                writer.WriteString("path", file.Path);
                writer.WriteNumber("size", file.Size);
                writer.WriteString("sha256", file.Sha256);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return new VersionManifest(sorted, buffer.WrittenSpan.ToArray());
    }

    /// <summary>Parses canonical manifest JSON and checks that it is canonical.</summary>
    /// <param name="json">The bytes of a manifest.</param>
    public static VersionManifest Parse(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var files = new List<ManifestFile>();
        foreach (var element in document.RootElement.GetProperty("files").EnumerateArray())
        {
            files.Add(new ManifestFile(
                element.GetProperty("path").GetString() ?? string.Empty,
                element.GetProperty("size").GetInt64(),
                element.GetProperty("sha256").GetString() ?? string.Empty));
        }

        var manifest = Create(files);
        if (!manifest.CanonicalJson.Span.SequenceEqual(json))
        {
            throw new FormatException("the manifest is not in canonical form");
        }

        return manifest;
    }

    /// <summary>The canonical JSON as text.</summary>
    public override string ToString() => Encoding.UTF8.GetString(CanonicalJson.Span);

    // Escapes only what JSON requires (quote, backslash, control characters), so non-ASCII paths stay as UTF-8:
    // the canonical bytes do not depend on an encoder's idea of what is "safe" for HTML.
    private static readonly System.Text.Encodings.Web.JavaScriptEncoder CanonicalEncoder =
        System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
}
