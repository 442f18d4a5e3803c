namespace ModelGrid.Benchmarks.Common;

/// <summary>Where the repository and the shared reference folder beside it are, for the defaults of every benchmark.</summary>
public static class RepositoryPaths
{
    /// <summary>The shared folder (models, data sets) when <c>--shared</c> is not given.</summary>
    public const string SharedVariable = "GRID_BENCH_SHARED";

    /// <summary>The repository root: the first folder up from the working or the program's folder with <c>Directory.Packages.props</c> and <c>bench/</c>.</summary>
    public static string? Root()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Directory.Packages.props")) && Directory.Exists(Path.Combine(folder.FullName, "bench")))
                {
                    return folder.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>The report folder: the one given, else <c>bench/out</c> of the repository.</summary>
    public static string OutputFolder(string? given) =>
        Path.GetFullPath(given ?? Path.Combine(Root() ?? ".", "bench", "out"));

    /// <summary>The shared folder: the one given, else <see cref="SharedVariable"/>, else <c>../shared</c> beside the repository.</summary>
    public static string SharedFolder(string? given)
    {
        var path = given ?? Environment.GetEnvironmentVariable(SharedVariable);
        return Path.GetFullPath(string.IsNullOrEmpty(path) ? Path.Combine(Root() ?? ".", "..", "shared") : path);
    }
}
