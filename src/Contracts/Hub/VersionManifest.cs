using System.Globalization;
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
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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

        var json = new StringBuilder(64 + (sorted.Count * 128));
        json.Append("{\"files\":[");
        for (var i = 0; i < sorted.Count; i++)
        {
            var file = sorted[i];
            json.Append(i == 0 ? "{\"path\":" : ",{\"path\":");
            AppendString(json, file.Path);
            json.Append(",\"size\":").Append(file.Size.ToString(CultureInfo.InvariantCulture));
            json.Append(",\"sha256\":");
            AppendString(json, file.Sha256);
            json.Append('}');
        }

        json.Append("]}");
        return new VersionManifest(sorted, Utf8.GetBytes(json.ToString()));
    }

    /// <summary>Parses canonical manifest JSON and checks that it is canonical.</summary>
    /// <param name="json">The bytes of a manifest.</param>
    public static VersionManifest Parse(ReadOnlySpan<byte> json)
    {
        VersionManifest manifest;
        try
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

            manifest = Create(files);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new FormatException($"not a valid manifest: {e.Message}", e);
        }

        if (!manifest.CanonicalJson.Span.SequenceEqual(json))
        {
            throw new FormatException("the manifest is not in canonical form");
        }

        return manifest;
    }

    /// <summary>The canonical JSON as text.</summary>
    public override string ToString() => Encoding.UTF8.GetString(CanonicalJson.Span);

    /// <summary>
    /// Writes a JSON string as RFC 8785 (JSON Canonicalization Scheme) does: only the quote, the backslash and control
    /// characters are escaped (short forms where JSON has them, else <c>\u00xx</c> in lowercase); everything else
    /// stays as it is, so the bytes are plain UTF-8 and do not depend on any encoder's notion of "safe".
    /// </summary>
    private static void AppendString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\t': json.Append("\\t"); break;
                case '\n': json.Append("\\n"); break;
                case '\f': json.Append("\\f"); break;
                case '\r': json.Append("\\r"); break;
                case < ' ': json.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: json.Append(c); break;
            }
        }

        json.Append('"');
    }
}
