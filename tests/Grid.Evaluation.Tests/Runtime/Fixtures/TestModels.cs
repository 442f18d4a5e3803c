using ModelGrid.Testing;

namespace ModelGrid.Evaluation.Tests.Runtime.Fixtures;

/// <summary>The models the runtime tests use: MNIST from the verified test artifacts, the committed samples, and small graphs written here.</summary>
internal static class TestModels
{
    private static readonly Lazy<string> Folder = new(() => TestPaths.NewTempFolder("runtime-models"));

    /// <summary>MNIST: input <c>Input3</c> float[1,1,28,28], output <c>Plus214_Output_0</c> float[1,10]; batch fixed at 1.</summary>
    public static string Mnist => TestArtifacts.Get("mnist.onnx");

    public static string Sample(string model, string version) =>
        Path.Combine(TestPaths.RepositoryRoot, "eval-suites", "models", model, version, "model.onnx");

    public static string SampleExpected(string model, string version) =>
        Path.Combine(TestPaths.RepositoryRoot, "eval-suites", "models", model, $"{version}.expected.json");

    /// <summary><c>y = Reshape(x, shape)</c>: given a shape that does not fit x at run time, ONNX Runtime fails inside Run.</summary>
    public static string Reshape => ReshapeModel.Value;

    private static readonly Lazy<string> ReshapeModel = new(() => Write("reshape.onnx", new OnnxGraph()
        .Input("x", OnnxGraph.FloatType, "N")
        .Input("shape", OnnxGraph.Int64Type, 1)
        .Node("Reshape", ["x", "shape"], ["y"])
        .Output("y", OnnxGraph.FloatType, "M")));

    /// <summary><c>y = x + RandomUniformLike(x)</c>: a different answer on every run, so a golden check must catch it.</summary>
    public static string Noisy => NoisyModel.Value;

    private static readonly Lazy<string> NoisyModel = new(() => Write("noisy.onnx", new OnnxGraph()
        .Input("x", OnnxGraph.FloatType, "N", 1)
        .Node("RandomUniformLike", ["x"], ["r"])
        .Node("Add", ["x", "r"], ["y"])
        .Output("y", OnnxGraph.FloatType, "N", 1)));

    /// <summary>Outputs <c>y = x</c> (float), <c>label = Cast(x, int64)</c> and <c>s = category</c> (string).</summary>
    public static string Mixed => MixedModel.Value;

    private static readonly Lazy<string> MixedModel = new(() => Write("mixed.onnx", new OnnxGraph()
        .Input("x", OnnxGraph.FloatType, "N", 1)
        .Input("category", OnnxGraph.StringType, "N", 1)
        .Node("Identity", ["x"], ["y"])
        .Node("Cast", ["x"], ["label"], ("to", OnnxGraph.Int64Type))
        .Node("Identity", ["category"], ["s"])
        .Output("y", OnnxGraph.FloatType, "N", 1)
        .Output("label", OnnxGraph.Int64Type, "N", 1)
        .Output("s", OnnxGraph.StringType, "N", 1)));

    /// <summary>
    /// <c>y = x·x·x…</c>, 200 MatMuls of float[1,2048,2048] in a chain: one call takes minutes on one thread, each
    /// operator a fraction of a second, so only a call stopped between operators ends soon.
    /// </summary>
    public static string SlowMatMul => SlowMatMulModel.Value;

    private static readonly Lazy<string> SlowMatMulModel = new(() =>
    {
        var graph = new OnnxGraph().Input("x", OnnxGraph.FloatType, 1, 2048, 2048);
        var previous = "x";
        for (var i = 0; i < 200; i++)
        {
            graph.Node("MatMul", [previous, "x"], [$"m{i}"]);
            previous = $"m{i}";
        }

        return Write("slow-matmul.onnx", graph.Output(previous, OnnxGraph.FloatType, 1, 2048, 2048));
    });

    /// <summary>
    /// A 4 MiB input tiled 32 times (128 MiB) and added to itself 100 times: each call holds a few hundred MiB for
    /// seconds, while its declared input and file are small.
    /// </summary>
    public static string MemoryHungry => MemoryHungryModel.Value;

    private static readonly Lazy<string> MemoryHungryModel = new(() =>
    {
        var graph = new OnnxGraph()
            .Input("x", OnnxGraph.FloatType, 1, 1024, 1024)
            .Initializer("repeats", 32, 1, 1)
            .Node("Tile", ["x", "repeats"], ["t"]);
        var previous = "t";
        for (var i = 0; i < 100; i++)
        {
            graph.Node("Add", [previous, "t"], [$"a{i}"]);
            previous = $"a{i}";
        }

        return Write("memory-hungry.onnx", graph.Output(previous, OnnxGraph.FloatType, 32, 1024, 1024));
    });

    /// <summary><c>y = x</c> over float[N, 2^20, 2^20]: 2^40 elements per row.</summary>
    public static string HugeInput => HugeInputModel.Value;

    private static readonly Lazy<string> HugeInputModel = new(() => Write("huge-input.onnx", new OnnxGraph()
        .Input("x", OnnxGraph.FloatType, "N", 1L << 20, 1L << 20)
        .Node("Identity", ["x"], ["y"])
        .Output("y", OnnxGraph.FloatType, "N", 1L << 20, 1L << 20)));

    /// <summary><c>y = x</c> over float[N, 2^40, 2^40]: more elements than a 64-bit count holds.</summary>
    public static string OverflowingInput => OverflowingInputModel.Value;

    private static readonly Lazy<string> OverflowingInputModel = new(() => Write("overflowing-input.onnx", new OnnxGraph()
        .Input("x", OnnxGraph.FloatType, "N", 1L << 40, 1L << 40)
        .Node("Identity", ["x"], ["y"])
        .Output("y", OnnxGraph.FloatType, "N", 1L << 40, 1L << 40)));

    /// <summary><c>y = x + w</c> with an initializer <c>w</c> declared float[2^20, 2^20] (16 bytes of data).</summary>
    public static string HugeInitializer => HugeInitializerModel.Value;

    private static readonly Lazy<string> HugeInitializerModel = new(() => Write("huge-initializer.onnx", new OnnxGraph()
        .Input("x", OnnxGraph.FloatType, 1)
        .Initializer("w", OnnxGraph.FloatType, [1L << 20, 1L << 20], new byte[16])
        .Node("Add", ["x", "w"], ["y"])
        .Output("y", OnnxGraph.FloatType, 1L << 20, 1L << 20)));

    /// <summary><c>y = x + w</c> with a real 20 MiB initializer <c>w</c> (float[5242880]).</summary>
    public static string BigInitializer => BigInitializerModel.Value;

    private static readonly Lazy<string> BigInitializerModel = new(() => Write("big-initializer.onnx", new OnnxGraph()
        .Input("x", OnnxGraph.FloatType, 1)
        .Initializer("w", OnnxGraph.FloatType, [5L << 20], new byte[20 << 20])
        .Node("Add", ["x", "w"], ["y"])
        .Output("y", OnnxGraph.FloatType, 5L << 20)));

    /// <summary><c>y = x + w</c> with <c>w</c> declared to live in another file beside the model.</summary>
    public static string ExternalInitializer => ExternalInitializerModel.Value;

    private static readonly Lazy<string> ExternalInitializerModel = new(() => Write("external-initializer.onnx", new OnnxGraph()
        .Input("x", OnnxGraph.FloatType, 4)
        .ExternalInitializer("w", OnnxGraph.FloatType, [4], "weights.bin")
        .Node("Add", ["x", "w"], ["y"])
        .Output("y", OnnxGraph.FloatType, 4)));

    /// <summary>A file that is not an ONNX model.</summary>
    public static string Garbage => GarbageFile.Value;

    private static readonly Lazy<string> GarbageFile = new(() =>
    {
        var path = Path.Combine(Folder.Value, "garbage.onnx");
        File.WriteAllText(path, "this is not a protobuf, let alone an ONNX model\n");
        return path;
    });

    private static string Write(string fileName, OnnxGraph graph) => graph.WriteTo(Folder.Value, fileName);
}
