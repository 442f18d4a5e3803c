using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Packaging;

/// <summary>
/// The worker's portable CPU flavour (<c>-p:OnnxRuntimeFlavor=cpu</c>) takes the CPU package instead of the GPU one,
/// at the one ONNX Runtime version; the rest of the suite runs the default GPU build. Restored into its own folder.
/// </summary>
public sealed class OnnxRuntimeFlavourTests
{
    [Fact]
    public async Task Restore_CpuFlavour_SiloReferencesThePortableCpuPackageOnly()
    {
        var output = TestPaths.NewTempFolder("cpu-flavour");
        try
        {
            var project = Path.Combine(TestPaths.RepositoryRoot, "src", "Silo", "Grid.Silo.csproj");

            var (exit, stdout, stderr) = await ChildProcess.RunAsync(
                "dotnet",
                ["restore", project, "-p:OnnxRuntimeFlavor=cpu", $"-p:ArtifactsPath={output}/", "-v", "q", "-nodeReuse:false"],
                TestPaths.RepositoryRoot,
                null,
                TimeSpan.FromMinutes(5));

            Assert.True(exit == 0, $"the cpu flavour did not restore: {stdout}{stderr}");
            Assert.Equal(
                ["Microsoft.ML.OnnxRuntime.Managed/1.31.0", "Microsoft.ML.OnnxRuntime/1.31.0"],
                PackageClosure.Matching(PackageClosure.Of("Grid.Silo", output), "Microsoft.ML.OnnxRuntime"));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
