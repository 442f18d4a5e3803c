using System.Reflection;

namespace ModelGrid.Testing;

/// <summary>Where the repository and its build outputs are (third-party files: <see cref="TestArtifacts"/>).</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder holding Grid.sln.</summary>
    public static string RepositoryRoot => Root.Value;

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
