using System.Reflection;

namespace ModelGrid.Testing;

/// <summary>Where the repository, its build outputs and the offline artifact mirrors are.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder holding Grid.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>
    /// The folder of public datasets and models the tests use as artifact mirrors: <c>GRID_TEST_SHARED</c>, or
    /// <c>shared/</c> beside the checkout. Tests never download.
    /// </summary>
    public static string SharedFolder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("GRID_TEST_SHARED") ?? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
            return Directory.Exists(folder)
                ? folder
                : throw new InvalidOperationException($"the artifact mirror folder '{folder}' does not exist; set GRID_TEST_SHARED to the folder holding datasets/ and models/");
        }
    }

    /// <summary>The mirror folders for <c>Grid:Artifacts:Mirrors</c>.</summary>
    public static IReadOnlyList<string> Mirrors => [Path.Combine(SharedFolder, "datasets"), Path.Combine(SharedFolder, "models")];

    /// <summary>The configuration the tests were built in (Debug or Release).</summary>
    public static string Configuration =>
        Assembly.GetEntryAssembly()?.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BuildConfiguration")?.Value
        ?? typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BuildConfiguration")?.Value
        ?? "Debug";

    /// <summary>The main assembly of a project's build output, e.g. <c>BuildOutput("Grid.Silo", "Grid.Silo.dll")</c>.</summary>
    public static string BuildOutput(string project, string file)
    {
        var path = Path.Combine(RepositoryRoot, ".build", "bin", project, Configuration.ToLowerInvariant(), file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"'{path}' is not built; build the solution in {Configuration} first", path);
    }

    /// <summary>A new empty folder under the system's temporary folder.</summary>
    public static string NewTempFolder(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Grid.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Grid.sln above {AppContext.BaseDirectory}");
    }
}
