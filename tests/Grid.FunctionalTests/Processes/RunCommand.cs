using System.Text.Json;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>
/// What <c>dotnet run --project src/Silo -c Release</c> runs once it has built: MSBuild's <c>RunCommand</c> and
/// <c>RunArguments</c> in <c>RunWorkingDirectory</c> (with no launch profile, the project has none). Tests start
/// exactly that, in a working directory of their choosing, without paying for the build check on every start.
/// </summary>
public sealed record RunCommand(string Command, string Arguments, string WorkingDirectory)
{
    public static async Task<RunCommand> ReadAsync()
    {
        var project = Path.Combine(TestPaths.RepositoryRoot, "src", "Silo", "Grid.Silo.csproj");
        var (exit, stdout, stderr) = await ChildProcess.RunAsync(
            "dotnet",
            ["msbuild", project, "-getProperty:RunCommand", "-getProperty:RunArguments", "-getProperty:RunWorkingDirectory", $"-p:Configuration={TestPaths.Configuration}", "-nologo"],
            TestPaths.RepositoryRoot,
            null,
            TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, stdout + stderr);
        var properties = JsonDocument.Parse(stdout).RootElement.GetProperty("Properties");
        return new RunCommand(
            properties.GetProperty("RunCommand").GetString()!,
            properties.GetProperty("RunArguments").GetString()!,
            properties.GetProperty("RunWorkingDirectory").GetString()!);
    }

    /// <summary>Starts the command in <paramref name="workingDirectory"/> (the shell only hands over: <c>exec</c>).</summary>
    public ChildProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment) =>
        ChildProcess.Start("sh", ["-c", $"exec \"$0\" {Arguments}", Command], workingDirectory, environment);
}
