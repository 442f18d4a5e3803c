using System.Text.RegularExpressions;

namespace ModelGrid.Silo.Worker;

/// <summary>
/// Takes the worker's own folders out of text that leaves the worker with a job (its failure reason and log lines,
/// which every reader of the model sees): each known root becomes a placeholder (<c>&lt;cache&gt;/…</c>,
/// <c>&lt;data&gt;/…</c>, <c>&lt;temp&gt;/…</c>), and any other absolute path keeps only its file name
/// (<c>…/OnnxSessionFactory.cs</c>), so stack traces do not show where the build or the user's home lives.
/// </summary>
public sealed partial class PathRedactor
{
    private readonly (string Root, string Placeholder)[] _roots;

    /// <param name="roots">Folders and their placeholders; a folder inside another one should be given too, it is matched first.</param>
    public PathRedactor(IEnumerable<(string Root, string Placeholder)> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        _roots = [.. roots
            .Where(r => !string.IsNullOrWhiteSpace(r.Root))
            .Select(r => (Path.TrimEndingDirectorySeparator(Path.GetFullPath(r.Root)), r.Placeholder))
            .Where(r => Path.GetPathRoot(r.Item1) != r.Item1)
            .DistinctBy(r => r.Item1, StringComparer.Ordinal)
            .OrderByDescending(r => r.Item1.Length)];
    }

    /// <summary>The worker's folders: its weight cache, the data folder, the temporary folder, the binaries and the user's home.</summary>
    public static PathRedactor ForWorker(string cacheFolder, string dataFolder) => new(
    [
        (cacheFolder, "<cache>"),
        (dataFolder, "<data>"),
        (Path.GetTempPath(), "<temp>"),
        (AppContext.BaseDirectory, "<app>"),
        (Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "<home>"),
    ]);

    /// <summary>The text with every known root replaced and every other absolute path cut to its file name.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (root, placeholder) in _roots)
        {
            text = ReplaceRoot(text, root, placeholder);
        }

        return OtherAbsolutePath().Replace(text, m => "…" + m.Groups["sep"].Value + m.Groups["name"].Value);
    }

    /// <summary>Replaces <paramref name="root"/> where it is a whole folder: followed by a separator or by no further name character.</summary>
    private static string ReplaceRoot(string text, string root, string placeholder)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var start = 0;
        int index;
        while ((index = text.IndexOf(root, start, StringComparison.Ordinal)) >= 0)
        {
            var end = index + root.Length;
            var whole = end == text.Length || text[end] is '/' or '\\' || !(char.IsLetterOrDigit(text[end]) || text[end] is '-' or '_' or '.' or '~');
            builder.Append(text, start, index - start).Append(whole ? placeholder : root);
            start = end;
        }

        return builder.Append(text, start, text.Length - start).ToString();
    }

    // An absolute path of two segments or more, not inside a URL or a longer word: /a/b/c.cs, C:\a\b.cs.
    [GeneratedRegex(@"(?<![\w:/\\.~<>-])(?:/|[A-Za-z]:\\)(?:[^\s/\\'""`<>|:]+(?<sep>[/\\]))+(?<name>[^\s/\\'""`<>|:]*)", RegexOptions.CultureInvariant)]
    private static partial Regex OtherAbsolutePath();
}
