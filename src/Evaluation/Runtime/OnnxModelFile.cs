namespace ModelGrid.Evaluation.Runtime;

/// <summary>
/// What an ONNX file declares, read from the protobuf without ONNX Runtime and without loading tensor data: the main
/// graph's inputs with their dimensions as 64-bit numbers (ONNX Runtime's .NET metadata narrows them to 32 bits) and
/// its initializers, dense and sparse, with their declared dimensions. Field numbers from onnx.proto.
/// </summary>
internal sealed record OnnxModelFile(IReadOnlyList<DeclaredTensor> Inputs, IReadOnlyList<DeclaredTensor> Initializers)
{
    private const int ModelGraph = 7;
    private const int GraphInitializer = 5;
    private const int GraphInput = 11;
    private const int GraphSparseInitializer = 15;
    private const int ExternalLocation = 1;

    /// <summary>The declarations, or null when the file is not a protobuf ONNX model (ONNX Runtime then says what is wrong).</summary>
    public static OnnxModelFile? TryRead(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var reader = new ProtoReader(file);
            var inputs = new List<DeclaredTensor>();
            var initializers = new List<DeclaredTensor>();
            var end = reader.Length;
            while (reader.Next(end, out var field, out var wire))
            {
                if (field == ModelGraph && wire == 2)
                {
                    ReadGraph(reader, reader.ReadEnd(end), inputs, initializers);
                }
                else
                {
                    reader.Skip(wire, end);
                }
            }

            var constant = initializers.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
            return new OnnxModelFile([.. inputs.Where(i => !constant.Contains(i.Name))], initializers);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or OverflowException)
        {
            return null;
        }
    }

    private static void ReadGraph(ProtoReader reader, long end, List<DeclaredTensor> inputs, List<DeclaredTensor> initializers)
    {
        while (reader.Next(end, out var field, out var wire))
        {
            switch (field)
            {
                case GraphInitializer when wire == 2:
                    initializers.Add(ReadTensor(reader, reader.ReadEnd(end)));
                    break;
                case GraphSparseInitializer when wire == 2:
                    initializers.Add(ReadSparseTensor(reader, reader.ReadEnd(end)));
                    break;
                case GraphInput when wire == 2:
                    inputs.Add(ReadValueInfo(reader, reader.ReadEnd(end)));
                    break;
                default:
                    reader.Skip(wire, end);
                    break;
            }
        }
    }

    /// <summary>TensorProto: dims 1, data_type 2, name 8, external_data 13, data_location 14.</summary>
    private static DeclaredTensor ReadTensor(ProtoReader reader, long end)
    {
        var dims = new List<long>();
        var (name, type, external) = ("", 0, false);
        while (reader.Next(end, out var field, out var wire))
        {
            switch (field)
            {
                case 1:
                    ReadInt64s(reader, wire, end, dims);
                    break;
                case 2 when wire == 0:
                    type = (int)reader.ReadVarint();
                    break;
                case 8 when wire == 2:
                    name = reader.ReadString(end);
                    break;
                case 13:
                    external = true;
                    reader.Skip(wire, end);
                    break;
                case 14 when wire == 0:
                    external |= reader.ReadVarint() == ExternalLocation;
                    break;
                default:
                    reader.Skip(wire, end);
                    break;
            }
        }

        return new DeclaredTensor(name, type, dims, external);
    }

    /// <summary>SparseTensorProto: values 1 (a TensorProto naming it), dims 3 (the dense shape ONNX Runtime expands it to).</summary>
    private static DeclaredTensor ReadSparseTensor(ProtoReader reader, long end)
    {
        var dims = new List<long>();
        DeclaredTensor? values = null;
        while (reader.Next(end, out var field, out var wire))
        {
            if (field == 1 && wire == 2)
            {
                values = ReadTensor(reader, reader.ReadEnd(end));
            }
            else if (field == 3)
            {
                ReadInt64s(reader, wire, end, dims);
            }
            else
            {
                reader.Skip(wire, end);
            }
        }

        return new DeclaredTensor(values?.Name ?? "", values?.ElementType ?? 0, dims, values?.External ?? false);
    }

    /// <summary>ValueInfoProto: name 1, type 2 → TypeProto.tensor_type 1 → elem_type 1, shape 2 → dim 1 → dim_value 1 | dim_param 2.</summary>
    private static DeclaredTensor ReadValueInfo(ProtoReader reader, long end)
    {
        var (name, type) = ("", 0);
        List<long>? dims = null;
        while (reader.Next(end, out var field, out var wire))
        {
            if (field == 1 && wire == 2)
            {
                name = reader.ReadString(end);
            }
            else if (field == 2 && wire == 2)
            {
                var typeEnd = reader.ReadEnd(end);
                while (reader.Next(typeEnd, out var typeField, out var typeWire))
                {
                    if (typeField == 1 && typeWire == 2)
                    {
                        (type, dims) = ReadTensorType(reader, reader.ReadEnd(typeEnd));
                    }
                    else
                    {
                        reader.Skip(typeWire, typeEnd);
                    }
                }
            }
            else
            {
                reader.Skip(wire, end);
            }
        }

        return new DeclaredTensor(name, type, dims);
    }

    private static (int Type, List<long>? Dims) ReadTensorType(ProtoReader reader, long end)
    {
        var type = 0;
        List<long>? dims = null;
        while (reader.Next(end, out var field, out var wire))
        {
            if (field == 1 && wire == 0)
            {
                type = (int)reader.ReadVarint();
            }
            else if (field == 2 && wire == 2)
            {
                dims = [];
                var shapeEnd = reader.ReadEnd(end);
                while (reader.Next(shapeEnd, out var shapeField, out var shapeWire))
                {
                    if (shapeField == 1 && shapeWire == 2)
                    {
                        dims.Add(ReadDimension(reader, reader.ReadEnd(shapeEnd)));
                    }
                    else
                    {
                        reader.Skip(shapeWire, shapeEnd);
                    }
                }
            }
            else
            {
                reader.Skip(wire, end);
            }
        }

        return (type, dims);
    }

    private static long ReadDimension(ProtoReader reader, long end)
    {
        var value = -1L;
        while (reader.Next(end, out var field, out var wire))
        {
            if (field == 1 && wire == 0)
            {
                value = (long)reader.ReadVarint();
            }
            else
            {
                reader.Skip(wire, end);
            }
        }

        return value < 0 ? -1 : value;
    }

    private static void ReadInt64s(ProtoReader reader, int wire, long end, List<long> values)
    {
        if (wire == 0)
        {
            values.Add((long)reader.ReadVarint());
            return;
        }

        if (wire != 2)
        {
            reader.Skip(wire, end);
            return;
        }

        var packedEnd = reader.ReadEnd(end);
        while (reader.Position < packedEnd)
        {
            values.Add((long)reader.ReadVarint());
        }
    }
}
