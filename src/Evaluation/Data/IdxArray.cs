using System.Buffers.Binary;

namespace ModelGrid.Evaluation.Data;

/// <summary>
/// An array in the IDX format of the MNIST files: the magic number (two zero bytes, the element type, the number of
/// dimensions), the dimensions as big-endian int32, then the elements, big-endian, in row-major order. Gzip-compressed
/// files (magic bytes 1f 8b) are decompressed transparently.
/// </summary>
public sealed partial class IdxArray
{
    private readonly byte[] _data;
    private readonly int _elementSize;

    private IdxArray(IdxElementType elementType, int[] dimensions, int itemLength, byte[] data)
    {
        ElementType = elementType;
        Dimensions = dimensions.AsReadOnly();
        ItemLength = itemLength;
        _elementSize = ElementSize(elementType);
        _data = data;
    }

    /// <summary>The dimensions, outermost first (10000, 28, 28 for the MNIST test images).</summary>
    public IReadOnlyList<int> Dimensions { get; }

    /// <summary>The element type declared by the magic number.</summary>
    public IdxElementType ElementType { get; }

    /// <summary>The number of items: the first dimension.</summary>
    public int Count => Dimensions[0];

    /// <summary>The number of elements in one item: the product of the other dimensions (1 for a vector).</summary>
    public int ItemLength { get; }

    /// <summary>Reads an IDX array, plain or gzip-compressed, from <paramref name="stream"/>, which must end with it.</summary>
    public static IdxArray Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Read(stream, (stream as FileStream)?.Name ?? "the IDX stream");
    }

    /// <summary>Reads the IDX file (plain or gzip-compressed) at <paramref name="path"/>; error messages name it.</summary>
    public static IdxArray Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        return Read(stream, path);
    }

    /// <summary>All elements as floats, unscaled (a byte 255 is 255f), in row-major order.</summary>
    public float[] ToSingles()
    {
        var values = new float[_data.Length / _elementSize];
        Convert(_data, values);
        return values;
    }

    /// <summary>All elements as integers, for label files.</summary>
    /// <exception cref="DatasetFormatException">The elements are floating point.</exception>
    public long[] ToInt64s()
    {
        var values = new long[_data.Length / _elementSize];
        switch (ElementType)
        {
            case IdxElementType.UnsignedByte:
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = _data[i];
                }

                break;
            case IdxElementType.SignedByte:
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = (sbyte)_data[i];
                }

                break;
            case IdxElementType.Short:
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = BinaryPrimitives.ReadInt16BigEndian(_data.AsSpan(i * 2));
                }

                break;
            case IdxElementType.Int:
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = BinaryPrimitives.ReadInt32BigEndian(_data.AsSpan(i * 4));
                }

                break;
            default:
                throw new DatasetFormatException($"the IDX array holds {ElementType} elements; integers (labels) need an integer element type");
        }

        return values;
    }

    /// <summary>Item <paramref name="index"/> (e.g. one 28×28 image) as floats, into the first <see cref="ItemLength"/> elements of <paramref name="destination"/>.</summary>
    public void CopyItem(int index, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        if (destination.Length < ItemLength)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values; an item has {ItemLength}.", nameof(destination));
        }

        var itemBytes = ItemLength * _elementSize;
        Convert(_data.AsSpan(index * itemBytes, itemBytes), destination[..ItemLength]);
    }

    private void Convert(ReadOnlySpan<byte> source, Span<float> destination)
    {
        switch (ElementType)
        {
            case IdxElementType.UnsignedByte:
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = source[i];
                }

                break;
            case IdxElementType.SignedByte:
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = (sbyte)source[i];
                }

                break;
            case IdxElementType.Short:
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = BinaryPrimitives.ReadInt16BigEndian(source[(i * 2)..]);
                }

                break;
            case IdxElementType.Int:
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = BinaryPrimitives.ReadInt32BigEndian(source[(i * 4)..]);
                }

                break;
            case IdxElementType.Float:
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = BinaryPrimitives.ReadSingleBigEndian(source[(i * 4)..]);
                }

                break;
            default:
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = (float)BinaryPrimitives.ReadDoubleBigEndian(source[(i * 8)..]);
                }

                break;
        }
    }

    private static int ElementSize(IdxElementType elementType) => elementType switch
    {
        IdxElementType.UnsignedByte or IdxElementType.SignedByte => 1,
        IdxElementType.Short => 2,
        IdxElementType.Int or IdxElementType.Float => 4,
        _ => 8,
    };
}
