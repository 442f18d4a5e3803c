using ModelGrid.Evaluation.Runtime;

namespace ModelGrid.Evaluation.Tests.Runtime;

public sealed class InputGeneratorTests
{
    private static readonly TensorSpec[] Specs =
    [
        new("age", TensorElementKind.Float, [-1, 1]),
        new("count", TensorElementKind.Int64, [-1, -1]),
        new("sex", TensorElementKind.String, [-1, 1]),
    ];

    private static readonly string[] Sexes = ["Male", "Female"];

    private static readonly ThroughputSettings Settings = new()
    {
        Seed = 3,
        ValueRanges = new Dictionary<string, ValueRange> { ["age"] = new(18, 90), ["count"] = new(0, 5) },
        StringValues = new Dictionary<string, IReadOnlyList<string>> { ["sex"] = Sexes },
    };

    [Fact]
    public void Generate_SameSeedAndBatch_GivesTheSameInputs()
    {
        var first = InputGenerator.Generate(Specs, 8, Settings);
        var second = InputGenerator.Generate(Specs, 8, Settings);

        Assert.Equal((float[])first[0].Data, (float[])second[0].Data);
        Assert.Equal((long[])first[1].Data, (long[])second[1].Data);
        Assert.Equal((string[])first[2].Data, (string[])second[2].Data);
    }

    [Fact]
    public void Generate_OtherSeed_GivesOtherInputs()
    {
        var first = InputGenerator.Generate(Specs, 8, Settings);
        var other = InputGenerator.Generate(Specs, 8, Settings with { Seed = 4 });

        Assert.NotEqual((float[])first[0].Data, (float[])other[0].Data);
    }

    [Fact]
    public void Generate_DynamicDimensions_TakeTheBatchSizeOrTheGivenSize()
    {
        var byBatch = InputGenerator.Generate(Specs, 8, Settings);
        var bySize = InputGenerator.Generate(Specs, 8, Settings with { OtherDynamicDimensionSize = 3 });

        Assert.Equal([8L, 1], byBatch[0].Shape);
        Assert.Equal([8L, 8], byBatch[1].Shape);
        Assert.Equal([8L, 3], bySize[1].Shape);
        Assert.Equal(24, bySize[1].Data.Length);
    }

    [Fact]
    public void Generate_Values_StayInTheDeclaredRangeAndCategories()
    {
        var inputs = InputGenerator.Generate(Specs, 32, Settings);

        Assert.All((float[])inputs[0].Data, v => Assert.InRange(v, 18f, 90f));
        Assert.All((long[])inputs[1].Data, v => Assert.InRange(v, 0L, 4L));
        Assert.All((string[])inputs[2].Data, v => Assert.Contains(v, Sexes));
        Assert.Equal(2, ((string[])inputs[2].Data).Distinct().Count());
    }

    [Fact]
    public void Generate_NoRangeDeclared_DrawsFloatsFromZeroToOne()
    {
        var inputs = InputGenerator.Generate([new TensorSpec("x", TensorElementKind.Float, [-1, 4])], 16, new ThroughputSettings());

        Assert.All((float[])inputs[0].Data, v => Assert.True(v is >= 0f and < 1f));
    }

    [Fact]
    public void CheckFeedable_EmptyRange_ThrowsArgument()
    {
        var settings = Settings with { ValueRanges = new Dictionary<string, ValueRange> { ["age"] = new(5, 1) } };

        var error = Assert.Throws<ArgumentException>(() => InputGenerator.CheckFeedable(Specs, settings));

        Assert.StartsWith("the value range of input 'age' is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_ShapeBeyondOneArray_ThrowsModelTooLargeNotOverflow()
    {
        TensorSpec[] wide = [new("x", TensorElementKind.Float, [-1, 1 << 20, 1 << 20])];

        var error = Assert.Throws<ModelTooLargeException>(() => InputGenerator.Generate(wide, 1, Settings));

        Assert.Equal("input 'x' at batch 1 has the shape [1,1048576,1048576]: 1099511627776 elements, more than one tensor the grid feeds can hold (2147483591)", error.Message);
    }
}
