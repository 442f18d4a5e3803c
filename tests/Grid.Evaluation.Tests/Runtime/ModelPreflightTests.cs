using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Tests.Runtime.Fixtures;

namespace ModelGrid.Evaluation.Tests.Runtime;

public sealed class ModelPreflightTests
{
    private const long FourGiB = 4L << 30;

    [Fact]
    public void Check_InputDeclaring2To40ElementsPerRow_NamesTheInputAndTheCeiling()
    {
        var error = Assert.Throws<ModelTooLargeException>(() => ModelPreflight.Check(TestModels.HugeInput, FourGiB, 1));

        Assert.Equal("input 'x' declares, at batch 1, 1099511627776 elements (4 TiB of float), over the memory ceiling of 4 GiB", error.Message);
    }

    [Fact]
    public void Check_InputWhoseElementCountOverflows_SaysSoInsteadOfOverflowing()
    {
        var error = Assert.Throws<ModelTooLargeException>(() => ModelPreflight.Check(TestModels.OverflowingInput, FourGiB, 8));

        Assert.Equal(
            "input 'x' declares, at batch 8, the shape [8,1099511627776,1099511627776], more elements than a 64-bit count holds; over the memory ceiling of 4 GiB",
            error.Message);
    }

    [Fact]
    public void Check_InitializerDeclaring2To40Elements_NamesIt()
    {
        var error = Assert.Throws<ModelTooLargeException>(() => ModelPreflight.Check(TestModels.HugeInitializer, FourGiB, 1));

        Assert.Equal("initializer 'w' declares 1099511627776 elements (4 TiB of float), over the memory ceiling of 4 GiB", error.Message);
    }

    [Fact]
    public void Check_FileOverTheCeiling_GivesItsSize()
    {
        var size = new FileInfo(TestModels.BigInitializer).Length;

        var error = Assert.Throws<ModelTooLargeException>(() => ModelPreflight.Check(TestModels.BigInitializer, 16L << 20, 1));

        Assert.Equal($"the model file holds 20 MiB ({size} bytes), over the memory ceiling of 16 MiB", error.Message);
    }

    [Fact]
    public void Check_InitializerKeptInAnotherFile_IsRefused()
    {
        var error = Assert.Throws<InvalidModelException>(() => ModelPreflight.Check(TestModels.ExternalInitializer, FourGiB, 1));

        Assert.Equal("initializer 'w' keeps its data outside the model file; the grid runs self-contained ONNX files only", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(256)]
    public void Check_ModelsWithinTheCeiling_Pass(int batch)
    {
        ModelPreflight.Check(TestModels.Mnist, FourGiB, batch);
        ModelPreflight.Check(TestModels.Sample("adult-income", "v1"), FourGiB, batch);
        ModelPreflight.Check(TestModels.BigInitializer, 64L << 20, batch);
        ModelPreflight.Check(TestModels.Garbage, FourGiB, batch);
    }

    [Fact]
    public void TryRead_Mnist_GivesItsInputWith64BitDimensionsAndItsInitializers()
    {
        var model = OnnxModelFile.TryRead(TestModels.Mnist)!;

        var input = Assert.Single(model.Inputs);
        Assert.Equal(("Input3", 1, false), (input.Name, input.ElementType, input.External));
        Assert.Equal([1L, 1, 28, 28], input.Dims);
        Assert.Contains(model.Initializers, i => i.Name == "Parameter5" && i.Dims!.SequenceEqual([8L, 1, 5, 5]));
        Assert.Null(OnnxModelFile.TryRead(TestModels.Garbage));
    }
}
