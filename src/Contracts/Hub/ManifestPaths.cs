using System.Globalization;
using System.Text;

namespace ModelGrid.Hub;

/// <summary>
/// The rules that keep a version's files pullable on every client OS, beyond what <see cref="Names.ValidateFilePath"/>
/// checks of each path alone: no Windows device names, no segment ending in a dot or a space, no invisible formatting
/// characters, and no two paths that one file system would make one (a file and a folder of the same name, or names
/// equal apart from letter case or Unicode normalisation). Drafts are held to them; versions published before them
/// may break them, so readers must not assume them of stored manifests.
/// </summary>
public static class ManifestPaths
{
    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM\u00b9", "COM\u00b2", "COM\u00b3",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00b9", "LPT\u00b2", "LPT\u00b3",
    };

    /// <summary>
    /// Checks one path for what some client OS cannot write faithfully: a Windows device name as a segment (with or
    /// without extension, in any case), a segment ending in a dot or a space (Windows drops them), a <c>:</c> (an
    /// alternate data stream on Windows), or an invisible formatting character (Unicode category Cf, e.g. zero-width
    /// spaces and bidirectional overrides) or line/paragraph separator, which let a name pass for another.
    /// </summary>
    /// <param name="path">A path that <see cref="Names.ValidateFilePath"/> accepts.</param>
    /// <returns>null when the path is portable, else a one-line reason naming it.</returns>
    public static string? ValidatePortable(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var c in path)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return $"'{Printable(path)}' contains the invisible character U+{(int)c:X4}, which can make one name look like another";
            }

            if (c == ':')
            {
                return $"'{Printable(path)}' contains ':', which Windows reads as a stream name";
            }
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.EndsWith('.') || segment.EndsWith(' '))
            {
                return $"'{Printable(path)}' has a segment ending in {(segment.EndsWith('.') ? "a dot" : "a space")} ('{Printable(segment)}'), which Windows drops";
            }

            var stem = segment.Split('.')[0].TrimEnd(' ');
            if (DeviceNames.Contains(stem))
            {
                return $"'{Printable(path)}' uses '{Printable(segment)}', a device name Windows reserves (with any extension)";
            }
        }

        return null;
    }

    /// <summary>
    /// Finds the first pair of <paramref name="paths"/> that one file system would make one: a file and a folder of the
    /// same name (<c>a</c> and <c>a/b</c>), or names equal once letter case is folded (invariant upper case) and
    /// Unicode is normalised (NFC and NFD forms are one name). Identical paths are left to the manifest's own duplicate
    /// check.
    /// </summary>
    /// <param name="paths">The paths of a draft or manifest.</param>
    /// <returns>null when no two paths collide, else a one-line reason naming both.</returns>
    public static string? FindConflict(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var index = new Index();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            if (index.Add(path) is { } conflict)
            {
                return conflict;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="added"/> collides with any of <paramref name="existing"/> (see <see cref="FindConflict(IEnumerable{string})"/>).</summary>
    /// <param name="existing">The paths a draft holds already.</param>
    /// <param name="added">The path being declared.</param>
    /// <returns>null when it collides with none, else a one-line reason naming both paths.</returns>
    public static string? FindConflict(IEnumerable<string> existing, string added)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(added);
        var index = new Index();
        foreach (var path in existing)
        {
            index.Add(path);
        }

        return index.Add(added);
    }

    /// <summary>Checks every path for portability, then the set for collisions: the whole rule for a draft's files.</summary>
    /// <param name="paths">The paths of a draft.</param>
    /// <returns>null when the draft is portable, else a one-line reason.</returns>
    public static string? Check(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var list = paths as IReadOnlyCollection<string> ?? [.. paths];
        foreach (var path in list)
        {
            if (ValidatePortable(path) is { } problem)
            {
                return problem;
            }
        }

        return FindConflict(list);
    }

    /// <summary>
    /// The name a case-insensitive, normalising file system sees: upper-cased invariantly, in canonical decomposition
    /// (NFD; equal NFD forms mean equal NFC forms).
    /// </summary>
    /// <param name="segment">One segment of a path.</param>
    public static string Fold(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return UnicodeCanonical.Decompose(UnicodeCanonical.Decompose(segment).ToUpperInvariant());
    }

    private static string Collision(string first, string second)
    {
        var sameUnderNfc = string.Equals(UnicodeCanonical.Decompose(first), UnicodeCanonical.Decompose(second), StringComparison.Ordinal);
        var how = sameUnderNfc
            ? "are the same name in different Unicode normalisation forms (NFC and NFD)"
            : string.Equals(first, second, StringComparison.OrdinalIgnoreCase)
                ? "differ only in letter case"
                : "differ only in letter case and Unicode normalisation";
        return $"'{Printable(first)}' and '{Printable(second)}' {how}; Windows and macOS would store them as one file";
    }

    private static string Printable(string value)
    {
        var shown = value.Length > 80 ? value[..80] + "…" : value;
        var text = new StringBuilder(shown.Length);
        foreach (var c in shown)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsControl(c) || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>The folded names seen so far: files, and folders with one path that needs each.</summary>
    private sealed class Index
    {
        private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _folders = new(StringComparer.Ordinal);

        public string? Add(string path)
        {
            var segments = path.Split('/');
            var folded = new StringBuilder(path.Length);
            for (var i = 0; i < segments.Length; i++)
            {
                if (i > 0)
                {
                    folded.Append('/');
                }

                folded.Append(Fold(segments[i]));
                var key = folded.ToString();
                if (i < segments.Length - 1)
                {
                    if (_files.TryGetValue(key, out var file))
                    {
                        return $"'{Printable(file)}' is a file, but '{Printable(path)}' needs a folder of that name";
                    }

                    _folders.TryAdd(key, path);
                    continue;
                }

                if (_folders.TryGetValue(key, out var inside))
                {
                    return $"'{Printable(path)}' is a file, but '{Printable(inside)}' needs a folder of that name";
                }

                if (_files.TryGetValue(key, out var other) && !string.Equals(other, path, StringComparison.Ordinal))
                {
                    return Collision(other, path);
                }

                _files.TryAdd(key, path);
            }

            return null;
        }
    }
}
