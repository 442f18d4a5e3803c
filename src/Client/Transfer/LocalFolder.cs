namespace ModelGrid.Client.Transfer;

/// <summary>
/// The files a folder contributes to a version: every file below it, except the root <c>README.md</c> (the model
/// card, kept beside the manifest so the card can change without changing the revision id), <c>.git</c> folders
/// and unfinished downloads (<c>*.grid-partial</c>).
/// </summary>
public static class LocalFolder
{
    /// <summary>The file that becomes card r1.</summary>
    public const string CardFile = "README.md";

    /// <summary>The suffix of a file being downloaded.</summary>
    public const string PartialSuffix = ".grid-partial";

    /// <summary>Lists the folder's files, sorted by path; a path the hub would refuse is an error naming it.</summary>
    /// <param name="root">The folder.</param>
    public static IReadOnlyList<LocalFile> Scan(string root)
    {
        var full = System.IO.Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            throw new CliException($"'{root}' is not a folder");
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false };
        var files = new List<LocalFile>();
        foreach (var file in new DirectoryInfo(full).EnumerateFiles("*", options))
        {
            var path = System.IO.Path.GetRelativePath(full, file.FullName).Replace(System.IO.Path.DirectorySeparatorChar, '/');
            if (path == CardFile || path.StartsWith(".git/", StringComparison.Ordinal) || path.Contains("/.git/", StringComparison.Ordinal) || path.EndsWith(PartialSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            if (Names.ValidateFilePath(path) is { } error)
            {
                throw new CliException($"cannot push '{path}': {error}");
            }

            files.Add(new LocalFile(path, file.FullName, file.Length));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }
}
