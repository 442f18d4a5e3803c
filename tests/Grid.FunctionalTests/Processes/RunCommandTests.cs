using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>The README's run command, <c>dotnet run --project src/Silo</c>, runs the silo from the repository root.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task DotnetRun_WorkingDirectory_IsTheRepositoryRoot_SoTheDataFolderIsTheOneTheReadmeNames()
    {
        var project = Path.Combine(TestPaths.RepositoryRoot, "src", "Silo", "Grid.Silo.csproj");

        var (exit, stdout, stderr) = await ChildProcess.RunAsync(
            "dotnet", ["msbuild", project, "-getProperty:RunWorkingDirectory", "-nologo"], TestPaths.RepositoryRoot, null, TimeSpan.FromMinutes(2));

        Assert.True(exit == 0, stdout + stderr);
        Assert.Equal(
            Path.TrimEndingDirectorySeparator(TestPaths.RepositoryRoot),
            Path.TrimEndingDirectorySeparator(Path.GetFullPath(stdout.Trim())));
    }
}
