using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>
/// The README's run command, <c>dotnet run --project src/Silo -c Release</c>, runs the built silo from the repository
/// root, with no launch profile that could set or override its address (the process tests start that same command).
/// </summary>
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

    [Fact]
    public async Task DotnetRun_RunsTheBuiltSilo_WithoutALaunchProfile()
    {
        var run = await RunCommand.ReadAsync();

        var dll = TestPaths.BuildOutput("Grid.Silo", "Grid.Silo.dll");
        Assert.Equal(Path.GetDirectoryName(dll), Path.GetDirectoryName(run.Command));
        Assert.Equal(OperatingSystem.IsWindows() ? "Grid.Silo.exe" : "Grid.Silo", Path.GetFileName(run.Command));
        Assert.Equal(string.Empty, run.Arguments);
        Assert.False(File.Exists(Path.Combine(TestPaths.RepositoryRoot, "src", "Silo", "Properties", "launchSettings.json")));
    }
}
