using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Packaging;

/// <summary>
/// What each project may carry (docs/architecture.md, Projects), checked on the package closure its build restored:
/// the contracts, the storage core, the client library and the command-line tool stay free of Orleans, the Azure SDK
/// and ONNX Runtime's GPU build; the evaluation engine compiles against ONNX Runtime's managed API only; one ONNX Runtime version.
/// </summary>
public sealed class DependencyClosureTests
{
    private const string OrtGpu = "Microsoft.ML.OnnxRuntime.Gpu";
    private const string OrtCpu = "Microsoft.ML.OnnxRuntime/";
    private const string OrtManaged = "Microsoft.ML.OnnxRuntime.Managed/";

    [Fact]
    public void Closure_StorageCore_HasNoOrleansAzureOrOnnxRuntime()
    {
        var closure = PackageClosure.Of("Grid.Storage");

        Assert.Empty(PackageClosure.Matching(closure, "Microsoft.Orleans.", "Azure.", "Microsoft.Identity", "Microsoft.ML.OnnxRuntime"));
    }

    [Fact]
    public void Closure_ClientLibrary_HasNoNativeOnnxRuntimeOrleansOrAzure()
    {
        var closure = PackageClosure.Of("Grid.Client");

        Assert.Empty(PackageClosure.Matching(closure, OrtGpu, OrtCpu, "Microsoft.Orleans.", "Azure.", "Microsoft.Identity"));
    }

    [Fact]
    public void Closure_Contracts_HasNoOnnxRuntimeOrleansOrAzure()
    {
        var closure = PackageClosure.Of("Grid.Contracts");

        Assert.Empty(PackageClosure.Matching(closure, "Microsoft.ML.OnnxRuntime", "Microsoft.Orleans.", "Azure.", "Microsoft.Identity"));
    }

    [Fact]
    public void Closure_GridTool_HasTheCpuBuildAndNoGpuBuildOrleansOrAzure()
    {
        var closure = PackageClosure.Of("Grid.Cli");

        Assert.Empty(PackageClosure.Matching(closure, OrtGpu, "Microsoft.Orleans.", "Azure.", "Microsoft.Identity"));
        Assert.Equal([OrtManaged + "1.31.0", OrtCpu + "1.31.0"], PackageClosure.Matching(closure, "Microsoft.ML.OnnxRuntime"));
    }

    [Fact]
    public void Closure_Evaluation_HasTheManagedApiOnly()
    {
        var closure = PackageClosure.Of("Grid.Evaluation");

        Assert.Equal([OrtManaged + "1.31.0"], PackageClosure.Matching(closure, "Microsoft.ML.OnnxRuntime"));
    }

    [Theory]
    [InlineData("Grid.Silo")]
    [InlineData("Grid.FunctionalTests")]
    [InlineData("Grid.Evaluation.Tests")]
    public void Closure_Worker_HasOneNativeBuildAtTheOneVersion(string project)
    {
        var native = PackageClosure.Matching(PackageClosure.Of(project), "Microsoft.ML.OnnxRuntime")
            .Where(package => !package.StartsWith(OrtManaged, StringComparison.Ordinal))
            .ToArray();

        // The GPU build by default, the CPU package with -p:OnnxRuntimeFlavor=cpu: never both, whose native files collide.
        var single = Assert.Single(native);
        Assert.True(single is OrtGpu + ".Linux/1.31.0" or OrtCpu + "1.31.0", single);
    }

    [Fact]
    public void BuildOutput_GridTool_HasNoCudaLibrary()
    {
        var folder = Path.GetDirectoryName(TestPaths.BuildOutput("Grid.Cli", "grid.dll"))!;

        Assert.Empty(CudaLibraries(folder));
    }

    /// <summary>Native files of ONNX Runtime's CUDA and TensorRT providers anywhere under <paramref name="folder"/>.</summary>
    internal static string[] CudaLibraries(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(file => Path.GetFileName(file).Contains("cuda", StringComparison.OrdinalIgnoreCase)
                || Path.GetFileName(file).Contains("tensorrt", StringComparison.OrdinalIgnoreCase))];
}
