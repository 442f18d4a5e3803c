using System.Text.RegularExpressions;

namespace ModelGrid;

/// <summary>The naming rules of the hub: owners, model names, aliases and file paths.</summary>
public static partial class Names
{
    /// <summary>The reserved aliases that always point at the newest standing version.</summary>
    public static readonly IReadOnlyList<string> ReservedAliases = ["latest", "main"];

    /// <summary>The longest file path a manifest accepts, in characters.</summary>
    public const int MaxPathLength = 1024;

    /// <summary>Whether <paramref name="part"/> is a valid owner or model name: <c>[a-z0-9][a-z0-9-_.]{0,63}</c>, without <c>..</c>.</summary>
    public static bool IsValidNamePart(string? part) =>
        part is not null && NamePartPattern().IsMatch(part) && !part.Contains("..", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="alias"/> may be set by a user: starts with a letter, is not reserved and does not look like a revision id.</summary>
    public static bool IsValidUserAlias(string? alias) =>
        alias is not null
        && AliasPattern().IsMatch(alias)
        && !alias.Contains("..", StringComparison.Ordinal)
        && !ReservedAliases.Contains(alias)
        && !LooksLikeRevisionId(alias);

    /// <summary>Whether <paramref name="value"/> has the shape of a revision id: 40 or 64 lowercase hex digits.</summary>
    public static bool LooksLikeRevisionId(string value) =>
        (value.Length == 40 || value.Length == 64) && IsLowerHex(value);

    /// <summary>Whether <paramref name="value"/> is a SHA-256 digest in lowercase hex.</summary>
    public static bool IsSha256(string? value) => value is { Length: 64 } && IsLowerHex(value);

    /// <summary>
    /// Checks a file path of a manifest: relative, forward slashes, no empty, <c>.</c> or <c>..</c> segments,
    /// no control characters, and none of <c>\ # ? %</c> (they change meaning inside a URL or on another OS).
    /// </summary>
    /// <returns>null when the path is valid, else a one-line reason.</returns>
    public static string? ValidateFilePath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "the file path is empty";
        }

        if (path.Length > MaxPathLength)
        {
            return $"the file path is longer than {MaxPathLength} characters";
        }

        if (path[0] == '/' || (path.Length >= 2 && path[1] == ':'))
        {
            return $"'{Printable(path)}' is an absolute path; file paths are relative to the version's root";
        }

        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (char.IsHighSurrogate(c) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "the file path is not valid Unicode (a lone surrogate)";
            }

            if (char.IsControl(c))
            {
                return $"'{Printable(path)}' contains a control character (U+{(int)c:X4})";
            }

            if (c is '\\' or '#' or '?' or '%' or '*' or '"' or '<' or '>' or '|')
            {
                return $"'{Printable(path)}' contains '{c}', which is not allowed in a file path";
            }
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0)
            {
                return $"'{Printable(path)}' has an empty path segment";
            }

            if (segment is "." or "..")
            {
                return $"'{Printable(path)}' contains a '{segment}' segment (path traversal)";
            }

            if (segment.Length > 255)
            {
                return $"'{Printable(path)}' has a segment longer than 255 characters";
            }
        }

        return null;
    }

    private static string Printable(string value)
    {
        var shown = value.Length > 80 ? value[..80] + "…" : value;
        return string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }

    private static bool IsLowerHex(string value)
    {
        foreach (var c in value)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9\\-_.]{0,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePartPattern();

    [GeneratedRegex("^[a-z][a-z0-9\\-_.]{0,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex AliasPattern();
}
