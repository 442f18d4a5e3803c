using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Tests.Runtime.Fixtures;

namespace ModelGrid.Evaluation.Tests.Runtime;

public sealed class OnnxSessionFactoryTests
{
    private readonly OnnxSessionFactory _factory = new(new SessionSettings());

    [Fact]
    public void Open_Mnist_ReportsDeclaredSpecs()
    {
        using var session = _factory.Open(TestModels.Mnist);

        var input = Assert.Single(session.Inputs);
        Assert.Equal(new TensorSpec("Input3", TensorElementKind.Float, [1, 1, 28, 28]).Name, input.Name);
        Assert.Equal(TensorElementKind.Float, input.ElementType);
        Assert.Equal([1L, 1, 28, 28], input.Shape);
        Assert.False(input.HasDynamicBatch);
        var output = Assert.Single(session.Outputs);
        Assert.Equal("Plus214_Output_0", output.Name);
        Assert.Equal(TensorElementKind.Float, output.ElementType);
        Assert.Equal([1L, 10], output.Shape);
        Assert.Equal(1, session.IntraOpThreads);
        Assert.True(session.CreationTime > TimeSpan.Zero);
    }

    [Fact]
    public void Open_SampleModel_ReportsDynamicBatchAndStringInputs()
    {
        using var session = _factory.Open(TestModels.Sample("adult-income", "v1"));

        Assert.Equal(12, session.Inputs.Count);
        Assert.All(session.Inputs, i => Assert.Equal([-1L, 1], i.Shape));
        Assert.All(session.Inputs, i => Assert.True(i.HasDynamicBatch));
        Assert.Equal(TensorElementKind.Float, session.Inputs.Single(i => i.Name == "age").ElementType);
        Assert.Equal(TensorElementKind.String, session.Inputs.Single(i => i.Name == "workclass").ElementType);
        var output = Assert.Single(session.Outputs);
        Assert.Equal(new TensorSpec("probability", TensorElementKind.Float, [-1, 1]).ShapeText, output.ShapeText);
    }

    [Fact]
    public void Open_AutoWithoutCuda_FallsBackToCpuWithReason()
    {
        using var session = _factory.Open(TestModels.Mnist);

        Assert.Equal(ExecutionProviders.Cuda, session.RequestedProvider);
        Assert.Equal(ExecutionProviders.Cpu, session.ActualProvider);
        Assert.False(string.IsNullOrWhiteSpace(session.FallbackReason));
        Assert.Contains("CUDA", session.FallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AutoTwice_KeepsTheFallbackReason()
    {
        using var first = _factory.Open(TestModels.Mnist);
        using var second = _factory.Open(TestModels.Mnist);

        Assert.Equal(first.FallbackReason, second.FallbackReason);
        Assert.Equal(ExecutionProviders.Cpu, second.ActualProvider);
    }

    [Fact]
    public void Open_GpuRequiredWithoutCuda_ThrowsGpuUnavailable()
    {
        var error = Assert.Throws<GpuUnavailableException>(() => _factory.Open(TestModels.Mnist, new SessionSettings { Provider = ProviderRequest.Gpu }));

        Assert.Contains("GPU is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("CUDA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_CpuForced_RequestsCpuWithoutFallback()
    {
        using var session = _factory.Open(TestModels.Mnist, new SessionSettings { Provider = ProviderRequest.Cpu, IntraOpThreads = 2 });

        Assert.Equal(ExecutionProviders.Cpu, session.RequestedProvider);
        Assert.Equal(ExecutionProviders.Cpu, session.ActualProvider);
        Assert.Null(session.FallbackReason);
        Assert.Equal(2, session.IntraOpThreads);
    }

    [Fact]
    public void Open_DefaultsFromTheFactory_AreUsedWithoutSettings()
    {
        var factory = new OnnxSessionFactory(new SessionSettings { Provider = ProviderRequest.Cpu });

        using var session = factory.Open(TestModels.Mnist);

        Assert.Equal(ExecutionProviders.Cpu, session.RequestedProvider);
    }

    [Theory]
    [InlineData(ProviderRequest.Cpu)]
    [InlineData(ProviderRequest.Auto)]
    [InlineData(ProviderRequest.Gpu)]
    public void Open_GarbageFile_ThrowsInvalidModel(ProviderRequest provider)
    {
        var error = Assert.Throws<InvalidModelException>(() => _factory.Open(TestModels.Garbage, new SessionSettings { Provider = provider }));

        Assert.Contains("is not a valid ONNX model", error.Message, StringComparison.Ordinal);
        Assert.Contains("garbage.onnx", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public void Open_MissingFile_ThrowsFileNotFound()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.onnx");

        var error = Assert.Throws<FileNotFoundException>(() => _factory.Open(path));

        Assert.Equal(path, error.FileName);
    }

    [Fact]
    public void RuntimeVersion_IsTheLoadedOnnxRuntime()
    {
        Assert.Matches(@"^1\.\d+\.\d+", OnnxSessionFactory.RuntimeVersion);
    }
}
