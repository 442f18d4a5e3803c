namespace ModelGrid.Testing;

/// <summary>
/// Writes small ONNX models (opset 17) for the tests, field numbers from onnx.proto: enough for a graph of nodes
/// over typed inputs and outputs with int attributes and initializers. Dimensions are a number or a symbolic name.
/// </summary>
public sealed class OnnxGraph
{
    public const int FloatType = 1;
    public const int Int64Type = 7;
    public const int StringType = 8;

    private readonly List<ProtoWriter> _nodes = [];
    private readonly List<ProtoWriter> _inputs = [];
    private readonly List<ProtoWriter> _outputs = [];
    private readonly List<ProtoWriter> _initializers = [];

    public OnnxGraph Input(string name, int elementType, params object[] dims)
    {
        _inputs.Add(ValueInfo(name, elementType, dims));
        return this;
    }

    public OnnxGraph Output(string name, int elementType, params object[] dims)
    {
        _outputs.Add(ValueInfo(name, elementType, dims));
        return this;
    }

    /// <summary>A constant tensor of the graph: <paramref name="rawData"/> holds its elements little-endian (may be short of what <paramref name="dims"/> declare).</summary>
    public OnnxGraph Initializer(string name, int elementType, long[] dims, byte[] rawData)
    {
        var tensor = new ProtoWriter();
        foreach (var dim in dims)
        {
            tensor.Varint(1, dim);
        }

        _initializers.Add(tensor.Varint(2, elementType).String(8, name).Bytes(9, rawData));
        return this;
    }

    /// <summary>A constant tensor whose data the file says live in another file, <paramref name="location"/>.</summary>
    public OnnxGraph ExternalInitializer(string name, int elementType, long[] dims, string location)
    {
        var tensor = new ProtoWriter();
        foreach (var dim in dims)
        {
            tensor.Varint(1, dim);
        }

        _initializers.Add(tensor.Varint(2, elementType).String(8, name)
            .Message(13, new ProtoWriter().String(1, "location").String(2, location))
            .Varint(14, 1));
        return this;
    }

    /// <summary>An int64 constant tensor of rank 1.</summary>
    public OnnxGraph Initializer(string name, params long[] values) =>
        Initializer(name, Int64Type, [values.Length], [.. values.SelectMany(BitConverter.GetBytes)]);

    public OnnxGraph Node(string opType, string[] inputs, string[] outputs, params (string Name, long Value)[] intAttributes)
    {
        var node = new ProtoWriter();
        foreach (var input in inputs)
        {
            node.String(1, input);
        }

        foreach (var output in outputs)
        {
            node.String(2, output);
        }

        node.String(3, $"{opType}_{_nodes.Count}").String(4, opType);
        foreach (var (name, value) in intAttributes)
        {
            node.Message(5, new ProtoWriter().String(1, name).Varint(3, value).Varint(20, 2));
        }

        _nodes.Add(node);
        return this;
    }

    public byte[] ToModel()
    {
        var graph = new ProtoWriter();
        foreach (var node in _nodes)
        {
            graph.Message(1, node);
        }

        graph.String(2, "test_graph");
        foreach (var initializer in _initializers)
        {
            graph.Message(5, initializer);
        }

        foreach (var input in _inputs)
        {
            graph.Message(11, input);
        }

        foreach (var output in _outputs)
        {
            graph.Message(12, output);
        }

        return new ProtoWriter()
            .Varint(1, 8)
            .String(2, "ModelGrid tests")
            .Message(7, graph)
            .Message(8, new ProtoWriter().String(1, "").Varint(2, 17))
            .ToArray();
    }

    public string WriteTo(string folder, string fileName)
    {
        var path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, ToModel());
        return path;
    }

    private static ProtoWriter ValueInfo(string name, int elementType, object[] dims)
    {
        var shape = new ProtoWriter();
        foreach (var dim in dims)
        {
            shape.Message(1, dim is string symbol ? new ProtoWriter().String(2, symbol) : new ProtoWriter().Varint(1, Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture)));
        }

        var tensor = new ProtoWriter().Varint(1, elementType).Message(2, shape);
        return new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, tensor));
    }
}
