namespace ModelGrid.Client.Transfer;

/// <summary>
/// The files a folder contributes to a version: every file below it, except the root <c>README.md</c> (the model
/// card, kept beside the manifest so the card can change without changing the revision id), <c>.git</c> entries
/// and unfinished downloads (<c>*.grid-partial</c>). Links to files are followed (a Hugging Face cache snapshot is
/// made of them); a link to a folder is refused rather than silently skipped or followed into a loop.
/// </summary>
public static class LocalFolder
{
    /// <summary>The file that becomes card r1.</summary>
    public const string CardFile = "README.md";

    /// <summary>The suffix of a file being downloaded.</summary>
    public const string PartialSuffix = ".grid-partial";

    private const string GitEntry = ".git";

    /// <summary>Lists the folder's files, sorted by path; a path the hub would refuse is an error naming it.</summary>
    /// <param name="root">The folder.</param>
    public static IReadOnlyList<LocalFile> Scan(string root)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            throw new CliException($"'{root}' is not a folder");
        }

        var files = new List<LocalFile>();
        Walk(new DirectoryInfo(full), full, files);
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    private static void Walk(DirectoryInfo folder, string root, List<LocalFile> files)
    {
        foreach (var entry in folder.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false }))
        {
            var path = Path.GetRelativePath(root, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (entry.Name == GitEntry || path == CardFile || path.EndsWith(PartialSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            if (entry is DirectoryInfo directory)
            {
                if (directory.LinkTarget is not null)
                {
                    throw new CliException($"cannot push '{path}': it is a link to a folder; push the folder it points to, or copy it in");
                }

                Walk(directory, root, files);
                continue;
            }

            if (Names.ValidateFilePath(path) is { } error)
            {
                throw new CliException($"cannot push '{path}': {error}");
            }

            var target = entry.LinkTarget is null ? (FileInfo)entry : (FileInfo?)entry.ResolveLinkTarget(returnFinalTarget: true)
                ?? throw new CliException($"cannot push '{path}': it is a link to nothing");
            if (!target.Exists)
            {
                throw new CliException($"cannot push '{path}': it is a link to '{target.FullName}', which does not exist");
            }

            files.Add(new LocalFile(path, target.FullName, target.Length));
        }
    }
}
