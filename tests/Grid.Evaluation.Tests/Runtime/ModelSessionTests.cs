using System.Text.Json;
using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Tests.Runtime.Fixtures;

namespace ModelGrid.Evaluation.Tests.Runtime;

public sealed class ModelSessionTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly OnnxSessionFactory _factory = new(new SessionSettings { Provider = ProviderRequest.Cpu });

    public static TheoryData<string, string> SampleModels => new()
    {
        { "adult-income", "v1" },
        { "adult-income", "v2" },
        { "adult-income", "v3" },
        { "compas-recidivism", "v1" },
        { "compas-recidivism", "v2" },
        { "compas-recidivism", "v3" },
        { "compas-recidivism", "v4" },
    };

    [Fact]
    public async Task Run_CancelledDuringALongCall_StopsTheCallAndThrowsOperationCanceled()
    {
        using var session = _factory.Open(TestModels.SlowMatMul);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var calling = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = Task.Run(() =>
        {
            var x = InputTensor.Float("x", new float[2048 * 2048], 1, 2048, 2048);
            calling.SetResult();
            return session.Run([x], null, cancel.Token);
        }, TestContext.Current.CancellationToken);

        await calling.Task.WaitAsync(Bound, TestContext.Current.CancellationToken);
        await cancel.CancelAsync();

        // One uncancelled call takes minutes; the bound only keeps a broken build from hanging.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Bound, TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(SampleModels))]
    public void Run_SampleModelOnExpectedRows_MatchesTheTrainingProbabilities(string model, string version)
    {
        using var session = _factory.Open(TestModels.Sample(model, version));
        using var expected = JsonDocument.Parse(File.ReadAllText(TestModels.SampleExpected(model, version)));
        var rows = expected.RootElement.GetProperty("outputs").GetProperty("probability").GetArrayLength();
        var columns = expected.RootElement.GetProperty("inputs");

        var inputs = session.Inputs.Select(spec => ColumnInput(spec, columns.GetProperty(spec.Name), rows)).ToList();
        var output = Assert.Single(session.Run(inputs));

        Assert.Equal("probability", output.Name);
        Assert.Equal([rows, 1L], output.Shape);
        var probabilities = expected.RootElement.GetProperty("outputs").GetProperty("probability").EnumerateArray().Select(p => p.GetDouble()).ToArray();
        for (var i = 0; i < rows; i++)
        {
            Assert.True(Math.Abs(output.Values[i] - probabilities[i]) <= 1e-5, $"row {i}: {output.Values[i]} vs {probabilities[i]}");
        }
    }

    [Fact]
    public void Run_Mnist_ReturnsTenLogits()
    {
        using var session = _factory.Open(TestModels.Mnist);
        var pixels = new float[28 * 28];

        var output = Assert.Single(session.Run([InputTensor.Float("Input3", pixels, 1, 1, 28, 28)]));

        Assert.Equal("Plus214_Output_0", output.Name);
        Assert.Equal([1L, 10], output.Shape);
        Assert.Equal(10, output.Values.Length);
        Assert.All(output.Values, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Run_MissingInput_ThrowsMismatchNamingIt()
    {
        using var session = _factory.Open(TestModels.Sample("compas-recidivism", "v2"));
        var inputs = ValidCompasV2Inputs().Where(i => i.Name != "age").ToList();

        var error = Assert.Throws<ModelInputMismatchException>(() => session.Run(inputs));

        Assert.Equal("input 'age' is declared by the model but not provided", error.Message);
    }

    [Fact]
    public void Run_WrongElementType_ThrowsMismatch()
    {
        using var session = _factory.Open(TestModels.Sample("compas-recidivism", "v2"));
        var inputs = ValidCompasV2Inputs().Select(i => i.Name == "age" ? InputTensor.String("age", ["69"], 1, 1) : i).ToList();

        var error = Assert.Throws<ModelInputMismatchException>(() => session.Run(inputs));

        Assert.Equal("model input 'age' expects float, got string", error.Message);
    }

    [Fact]
    public void Run_ExtraInput_ThrowsMismatch()
    {
        using var session = _factory.Open(TestModels.Sample("compas-recidivism", "v2"));
        var inputs = ValidCompasV2Inputs().Append(InputTensor.String("race", ["Other"], 1, 1)).ToList();

        var error = Assert.Throws<ModelInputMismatchException>(() => session.Run(inputs));

        Assert.StartsWith("input 'race' is not declared by the model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DuplicateInput_ThrowsMismatch()
    {
        using var session = _factory.Open(TestModels.Sample("compas-recidivism", "v2"));
        var inputs = ValidCompasV2Inputs().Append(InputTensor.Float("age", [1f], 1, 1)).ToList();

        var error = Assert.Throws<ModelInputMismatchException>(() => session.Run(inputs));

        Assert.Equal("input 'age' is given more than once", error.Message);
    }

    [Fact]
    public void Run_FixedDimensionDiffers_ThrowsShapeMismatch()
    {
        using var session = _factory.Open(TestModels.Mnist);

        var error = Assert.Throws<ModelInputMismatchException>(() => session.Run([InputTensor.Float("Input3", new float[2 * 784], 2, 1, 28, 28)]));

        Assert.Equal("model input 'Input3' expects shape [1,1,28,28], got [2,1,28,28]", error.Message);
    }

    [Fact]
    public void Run_RankDiffers_ThrowsShapeMismatch()
    {
        using var session = _factory.Open(TestModels.Sample("compas-recidivism", "v4"));

        var error = Assert.Throws<ModelInputMismatchException>(() => session.Run([InputTensor.Float("decile_score", [5f, 6f], 2)]));

        Assert.Equal("model input 'decile_score' expects shape [-1,1], got [2]", error.Message);
    }

    [Fact]
    public void Run_DataLengthDiffersFromShape_ThrowsMismatch()
    {
        using var session = _factory.Open(TestModels.Sample("compas-recidivism", "v4"));

        var error = Assert.Throws<ModelInputMismatchException>(() => session.Run([InputTensor.Float("decile_score", [5f, 6f, 7f], 2, 1)]));

        Assert.Equal("input 'decile_score' has shape [2,1] (2 elements) but 3 values", error.Message);
    }

    [Fact]
    public void Run_DataArrayOfAnotherType_ThrowsMismatch()
    {
        using var session = _factory.Open(TestModels.Sample("compas-recidivism", "v4"));

        var error = Assert.Throws<ModelInputMismatchException>(() =>
            session.Run([new InputTensor("decile_score", TensorElementKind.Float, [1, 1], new double[] { 5 })]));

        Assert.Contains("its data is a Double[]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ReshapeToImpossibleShape_ThrowsModelRunWithOrtMessage()
    {
        using var session = _factory.Open(TestModels.Reshape);

        var error = Assert.Throws<ModelRunException>(() =>
            session.Run([InputTensor.Float("x", [1f, 2f, 3f], 3), InputTensor.Int64("shape", [7], 1)]));

        Assert.StartsWith("the model failed to run: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Reshape", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public void Run_ReshapeToFittingShape_Runs()
    {
        using var session = _factory.Open(TestModels.Reshape);

        var output = Assert.Single(session.Run([InputTensor.Float("x", [1f, 2f, 3f, 4f], 4), InputTensor.Int64("shape", [4], 1)]));

        Assert.Equal([4L], output.Shape);
        Assert.Equal([1f, 2f, 3f, 4f], output.Values);
    }

    [Fact]
    public void Run_AllOutputsWithAStringOne_ThrowsModelRun()
    {
        using var session = _factory.Open(TestModels.Mixed);

        var error = Assert.Throws<ModelRunException>(() => session.Run(MixedInputs()));

        Assert.Equal("output 's' is string, not numeric; run with the names of numeric outputs only", error.Message);
    }

    [Fact]
    public void Run_NumericOutputsRequested_ConvertsInt64LabelsToFloat()
    {
        using var session = _factory.Open(TestModels.Mixed);

        var outputs = session.Run(MixedInputs(), ["label", "y"], TestContext.Current.CancellationToken);

        Assert.Equal(["label", "y"], outputs.Select(o => o.Name));
        Assert.Equal([2f, 3f], outputs[0].Values);
        Assert.Equal([2.5f, 3f], outputs[1].Values);
        Assert.Equal([2L, 1], outputs[0].Shape);
    }

    [Fact]
    public void Run_UnknownOutputRequested_ThrowsArgument()
    {
        using var session = _factory.Open(TestModels.Mixed);

        var error = Assert.Throws<ArgumentException>(() => session.Run(MixedInputs(), ["nope"], TestContext.Current.CancellationToken));

        Assert.StartsWith("output 'nope' is not declared by the model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AfterDispose_ThrowsObjectDisposed()
    {
        var session = _factory.Open(TestModels.Mixed);
        session.Dispose();

        Assert.Throws<ObjectDisposedException>(() => session.Run(MixedInputs()));
    }

    private static InputTensor[] MixedInputs() =>
        [InputTensor.Float("x", [2.5f, 3f], 2, 1), InputTensor.String("category", ["a", "b"], 2, 1)];

    private static List<InputTensor> ValidCompasV2Inputs() =>
    [
        InputTensor.Float("age", [69f], 1, 1),
        InputTensor.Float("priors_count", [0f], 1, 1),
        InputTensor.Float("juv_fel_count", [0f], 1, 1),
        InputTensor.Float("juv_misd_count", [0f], 1, 1),
        InputTensor.Float("juv_other_count", [0f], 1, 1),
        InputTensor.String("c_charge_degree", ["F"], 1, 1),
    ];

    private static InputTensor ColumnInput(TensorSpec spec, JsonElement column, int rows) => spec.ElementType switch
    {
        TensorElementKind.Float => InputTensor.Float(spec.Name, [.. column.EnumerateArray().Select(v => (float)v.GetDouble())], rows, 1),
        TensorElementKind.String => InputTensor.String(spec.Name, [.. column.EnumerateArray().Select(v => v.GetString()!)], rows, 1),
        _ => throw new InvalidOperationException($"the sample models have float and string inputs only, not {spec.ElementType}"),
    };
}
