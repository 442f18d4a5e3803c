using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>
/// The portable CPU flavour of the evaluation library (<c>-p:OnnxRuntimeFlavor=cpu</c>) still builds, into its own
/// output folder, and takes the CPU package instead of the GPU one; the rest of the suite tests the default GPU build.
/// </summary>
public sealed class OnnxRuntimeFlavourTests
{
    [Fact]
    public async Task Build_CpuFlavour_ReferencesThePortableCpuPackageOnly()
    {
        var output = TestPaths.NewTempFolder("cpu-flavour");
        try
        {
            var project = Path.Combine(TestPaths.RepositoryRoot, "src", "Evaluation", "Grid.Evaluation.csproj");

            var (exit, stdout, stderr) = await ChildProcess.RunAsync(
                "dotnet",
                ["build", project, "-c", "Release", "-p:OnnxRuntimeFlavor=cpu", $"-p:ArtifactsPath={output}/", "-nologo", "-v", "q", "-nodeReuse:false"],
                TestPaths.RepositoryRoot,
                null,
                TimeSpan.FromMinutes(10));

            Assert.True(exit == 0, $"the cpu flavour did not build: {stdout}{stderr}");
            var deps = await File.ReadAllTextAsync(Path.Combine(output, "bin", "Grid.Evaluation", "release", "Grid.Evaluation.deps.json"), TestContext.Current.CancellationToken);
            Assert.Contains("\"Microsoft.ML.OnnxRuntime/1.31.1\"", deps, StringComparison.Ordinal);
            Assert.DoesNotContain("Microsoft.ML.OnnxRuntime.Gpu", deps, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
