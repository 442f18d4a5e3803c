using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ModelGrid.Evaluation.Runtime;

/// <summary>Between the grid's element kinds and ONNX Runtime's tensors.</summary>
internal static class TensorElements
{
    public static TensorElementKind FromOrt(TensorElementType type) => type switch
    {
        TensorElementType.Float => TensorElementKind.Float,
        TensorElementType.Double => TensorElementKind.Double,
        TensorElementType.Int64 => TensorElementKind.Int64,
        TensorElementType.Int32 => TensorElementKind.Int32,
        TensorElementType.String => TensorElementKind.String,
        TensorElementType.Bool => TensorElementKind.Bool,
        TensorElementType.UInt8 => TensorElementKind.UInt8,
        _ => TensorElementKind.Other,
    };

    public static string Name(TensorElementKind kind) => kind switch
    {
        TensorElementKind.Float => "float",
        TensorElementKind.Double => "double",
        TensorElementKind.Int64 => "int64",
        TensorElementKind.Int32 => "int32",
        TensorElementKind.String => "string",
        TensorElementKind.Bool => "bool",
        TensorElementKind.UInt8 => "uint8",
        _ => "an unsupported type",
    };

    public static Type? ArrayType(TensorElementKind kind) => kind switch
    {
        TensorElementKind.Float => typeof(float[]),
        TensorElementKind.Double => typeof(double[]),
        TensorElementKind.Int64 => typeof(long[]),
        TensorElementKind.Int32 => typeof(int[]),
        TensorElementKind.String => typeof(string[]),
        TensorElementKind.Bool => typeof(bool[]),
        TensorElementKind.UInt8 => typeof(byte[]),
        _ => null,
    };

    public static TensorSpec Spec(string name, NodeMetadata metadata)
    {
        if (metadata.OnnxValueType != OnnxValueType.ONNX_TYPE_TENSOR)
        {
            return new TensorSpec(name, TensorElementKind.Other, []);
        }

        var shape = metadata.Dimensions.Select(d => d < 0 ? -1L : d).ToArray();
        return new TensorSpec(name, FromOrt(metadata.ElementDataType), shape);
    }

    /// <summary>
    /// A tensor over <paramref name="data"/>: numeric arrays are pinned, not copied, so the array must outlive the
    /// value; strings are copied into native memory.
    /// </summary>
    public static OrtValue Create(TensorElementKind kind, Array data, long[] shape)
    {
        switch (kind)
        {
            case TensorElementKind.String:
                var strings = (string[])data;
                var value = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
                for (var i = 0; i < strings.Length; i++)
                {
                    value.StringTensorSetElementAt((strings[i] ?? string.Empty).AsSpan(), i);
                }

                return value;
            case TensorElementKind.Float:
                return OrtValue.CreateTensorValueFromMemory((float[])data, shape);
            case TensorElementKind.Double:
                return OrtValue.CreateTensorValueFromMemory((double[])data, shape);
            case TensorElementKind.Int64:
                return OrtValue.CreateTensorValueFromMemory((long[])data, shape);
            case TensorElementKind.Int32:
                return OrtValue.CreateTensorValueFromMemory((int[])data, shape);
            case TensorElementKind.Bool:
                return OrtValue.CreateTensorValueFromMemory((bool[])data, shape);
            case TensorElementKind.UInt8:
                return OrtValue.CreateTensorValueFromMemory((byte[])data, shape);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "no tensor of this element type can be created");
        }
    }

    /// <summary>Whether an output of this type can be read as numbers.</summary>
    public static bool IsNumeric(TensorElementType type) => type is
        TensorElementType.Float or TensorElementType.Double or TensorElementType.Float16 or TensorElementType.BFloat16 or
        TensorElementType.Int64 or TensorElementType.Int32 or TensorElementType.Int16 or TensorElementType.Int8 or
        TensorElementType.UInt64 or TensorElementType.UInt32 or TensorElementType.UInt16 or TensorElementType.UInt8 or
        TensorElementType.Bool;

    /// <summary>Copies a numeric tensor's elements into <paramref name="destination"/> as float.</summary>
    public static void CopyAsFloat(OrtValue value, TensorElementType type, Span<float> destination)
    {
        switch (type)
        {
            case TensorElementType.Float:
                value.GetTensorDataAsSpan<float>().CopyTo(destination);
                break;
            case TensorElementType.Double:
                Convert(value.GetTensorDataAsSpan<double>(), destination, static v => (float)v);
                break;
            case TensorElementType.Float16:
                Convert(value.GetTensorDataAsSpan<Float16>(), destination, static v => v.ToFloat());
                break;
            case TensorElementType.BFloat16:
                Convert(value.GetTensorDataAsSpan<BFloat16>(), destination, static v => v.ToFloat());
                break;
            case TensorElementType.Int64:
                Convert(value.GetTensorDataAsSpan<long>(), destination, static v => v);
                break;
            case TensorElementType.Int32:
                Convert(value.GetTensorDataAsSpan<int>(), destination, static v => v);
                break;
            case TensorElementType.Int16:
                Convert(value.GetTensorDataAsSpan<short>(), destination, static v => v);
                break;
            case TensorElementType.Int8:
                Convert(value.GetTensorDataAsSpan<sbyte>(), destination, static v => v);
                break;
            case TensorElementType.UInt64:
                Convert(value.GetTensorDataAsSpan<ulong>(), destination, static v => v);
                break;
            case TensorElementType.UInt32:
                Convert(value.GetTensorDataAsSpan<uint>(), destination, static v => v);
                break;
            case TensorElementType.UInt16:
                Convert(value.GetTensorDataAsSpan<ushort>(), destination, static v => v);
                break;
            case TensorElementType.UInt8:
                Convert(value.GetTensorDataAsSpan<byte>(), destination, static v => v);
                break;
            case TensorElementType.Bool:
                Convert(value.GetTensorDataAsSpan<bool>(), destination, static v => v ? 1f : 0f);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "not a numeric element type");
        }
    }

    private static void Convert<T>(ReadOnlySpan<T> source, Span<float> destination, Func<T, float> convert)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = convert(source[i]);
        }
    }
}
