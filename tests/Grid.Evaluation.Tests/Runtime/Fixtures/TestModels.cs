using ModelGrid.Testing;

namespace ModelGrid.Evaluation.Tests.Runtime.Fixtures;

/// <summary>The models the runtime tests use: MNIST from the shared mirror, the committed samples, and small graphs written here.</summary>
internal static class TestModels
{
    private static readonly Lazy<string> Folder = new(() => TestPaths.NewTempFolder("runtime-models"));

    /// <summary>MNIST: input <c>Input3</c> float[1,1,28,28], output <c>Plus214_Output_0</c> float[1,10]; batch fixed at 1.</summary>
    public static string Mnist => Path.Combine(TestPaths.SharedFolder, "models", "mnist", "mnist.onnx");

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
