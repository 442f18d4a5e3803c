using System.Globalization;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Runtime;

/// <summary>
/// Checks a model file against a memory ceiling before ONNX Runtime opens it: the file's size, every initializer's
/// declared size (sparse ones at their dense size, which ONNX Runtime expands them to), and every graph input's size
/// at the batch the run will feed. Counts use checked 64-bit arithmetic, so a huge declared shape is reported as
/// such. Initializers whose data live outside the file are refused: the grid runs self-contained files only.
/// </summary>
internal static class ModelPreflight
{
    /// <exception cref="ModelTooLargeException">Something is over the ceiling.</exception>
    /// <exception cref="InvalidModelException">An initializer keeps its data outside the file.</exception>
    public static void Check(string modelPath, long memoryCeiling, int batchSize)
    {
        var ceiling = Quantities.Bytes(memoryCeiling);
        var size = new FileInfo(modelPath).Length;
        if (size > memoryCeiling)
        {
            throw new ModelTooLargeException(Text($"the model file holds {Quantities.Bytes(size)} ({size} bytes), over the memory ceiling of {ceiling}"));
        }

        if (OnnxModelFile.TryRead(modelPath) is not { } model)
        {
            return;
        }

        foreach (var initializer in model.Initializers)
        {
            if (initializer.External)
            {
                throw new InvalidModelException($"initializer '{initializer.Name}' keeps its data outside the model file; the grid runs self-contained ONNX files only");
            }

            Check($"initializer '{initializer.Name}' declares", initializer.ElementType, initializer.Dims!, memoryCeiling, ceiling);
        }

        foreach (var input in model.Inputs.Where(i => i.Dims is not null))
        {
            var dims = input.Dims!.Select((d, i) => d >= 0 ? d : batchSize).ToArray();
            var batch = input.Dims!.Count > 0 && input.Dims[0] < 0 ? batchSize : (long?)null;
            var what = batch is { } b ? Text($"input '{input.Name}' declares, at batch {b},") : $"input '{input.Name}' declares";
            var count = Check(what, input.ElementType, dims, memoryCeiling, ceiling);
            if (count > Array.MaxLength)
            {
                throw new ModelTooLargeException(Text($"{what} {count} elements, more than one tensor the grid feeds can hold ({Array.MaxLength})"));
            }
        }
    }

    private static long Check(string what, int elementType, IReadOnlyList<long> dims, long memoryCeiling, string ceiling)
    {
        var (typeName, elementBytes) = ElementType(elementType);
        long count = 1;
        long bytes;
        try
        {
            foreach (var dim in dims)
            {
                count = checked(count * dim);
            }

            bytes = checked(count * elementBytes);
        }
        catch (OverflowException)
        {
            throw new ModelTooLargeException($"{what} the shape {Shapes.Format(dims)}, more elements than a 64-bit count holds; over the memory ceiling of {ceiling}");
        }

        return bytes > memoryCeiling
            ? throw new ModelTooLargeException(Text($"{what} {count} elements ({Quantities.Bytes(bytes)} of {typeName}), over the memory ceiling of {ceiling}"))
            : count;
    }

    /// <summary>ONNX's element type codes (TensorProto.DataType); strings count as one pointer each, at least.</summary>
    private static (string Name, int Bytes) ElementType(int code) => code switch
    {
        1 => ("float", 4),
        2 => ("uint8", 1),
        3 => ("int8", 1),
        4 => ("uint16", 2),
        5 => ("int16", 2),
        6 => ("int32", 4),
        7 => ("int64", 8),
        8 => ("string", 8),
        9 => ("bool", 1),
        10 => ("float16", 2),
        11 => ("double", 8),
        12 => ("uint32", 4),
        13 => ("uint64", 8),
        14 => ("complex64", 8),
        15 => ("complex128", 16),
        16 => ("bfloat16", 2),
        _ => (Text($"element type {code}"), 1),
    };

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
