using System.Buffers.Binary;
using System.IO.Compression;

namespace ModelGrid.Evaluation.Data;

/// <summary>
/// An array in the IDX format of the MNIST files: the magic number (two zero bytes, the element type, the number of
/// dimensions), the dimensions as big-endian int32, then the elements, big-endian, in row-major order. Gzip-compressed
/// files (magic bytes 1f 8b) are decompressed transparently.
/// </summary>
public sealed class IdxArray
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

    private static IdxArray Read(Stream stream, string source)
    {
        if (!stream.CanSeek)
        {
            // The gzip check peeks at two bytes and rewinds, which needs a seekable stream.
            using var buffered = new MemoryStream();
            stream.CopyTo(buffered);
            buffered.Position = 0;
            return Read(buffered, source);
        }

        var start = stream.Position;
        Span<byte> magic = stackalloc byte[2];
        var peeked = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        stream.Position = start;
        if (peeked < 2 || magic[0] != 0x1f || magic[1] != 0x8b)
        {
            return ReadPlain(stream, source, stream.Length - start);
        }

        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        try
        {
            return ReadPlain(gzip, source, available: null);
        }
        catch (InvalidDataException e)
        {
            throw new DatasetFormatException($"{source}: the gzip data is corrupt ({e.Message})");
        }
    }

    private static IdxArray ReadPlain(Stream stream, string source, long? available)
    {
        Span<byte> magic = stackalloc byte[4];
        if (stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) < magic.Length)
        {
            throw new DatasetFormatException($"{source}: shorter than the 4-byte IDX magic number");
        }

        if (magic[0] != 0 || magic[1] != 0)
        {
            throw new DatasetFormatException(
                $"{source}: the magic number 0x{System.Convert.ToHexString(magic)} is not IDX (an IDX file starts with two zero bytes)");
        }

        var elementType = (IdxElementType)magic[2];
        if (!Enum.IsDefined(elementType))
        {
            throw new DatasetFormatException($"{source}: 0x{magic[2]:X2} is not an IDX element type (08, 09, 0B, 0C, 0D or 0E)");
        }

        var rank = magic[3];
        if (rank == 0)
        {
            throw new DatasetFormatException($"{source}: the IDX header declares no dimensions");
        }

        var header = new byte[rank * 4];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
        {
            throw new DatasetFormatException($"{source}: truncated in the IDX header, which declares {rank} dimensions");
        }

        var dimensions = new int[rank];
        long itemLength = 1;
        for (var i = 0; i < rank; i++)
        {
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(i * 4));
            if (dimensions[i] < 0)
            {
                throw new DatasetFormatException($"{source}: dimension {i} is negative ({dimensions[i]})");
            }

            // Past Array.MaxLength the product is refused below; stopping there keeps it from overflowing.
            if (i > 0 && itemLength <= Array.MaxLength)
            {
                itemLength *= dimensions[i];
            }
        }

        var shape = string.Join('×', dimensions);
        var elementSize = ElementSize(elementType);
        var dataLength = (decimal)dimensions[0] * itemLength * elementSize;
        if (itemLength > Array.MaxLength || dataLength > Array.MaxLength)
        {
            throw new DatasetFormatException($"{source}: a {shape} array of {elementType} is too large to load");
        }

        var expected = (int)dataLength;
        var bodyAvailable = available - magic.Length - header.Length;
        if (bodyAvailable < expected)
        {
            throw Truncated(source, shape, elementType, expected, bodyAvailable.Value);
        }

        var data = GC.AllocateUninitializedArray<byte>(expected);
        var read = stream.ReadAtLeast(data, expected, throwOnEndOfStream: false);
        if (read < expected)
        {
            throw Truncated(source, shape, elementType, expected, read);
        }

        if (stream.ReadByte() >= 0)
        {
            throw new DatasetFormatException($"{source}: more data than a {shape} array of {elementType} holds ({expected} bytes)");
        }

        return new IdxArray(elementType, dimensions, (int)itemLength, data);
    }

    private static DatasetFormatException Truncated(string source, string shape, IdxElementType elementType, int expected, long found) =>
        new($"{source}: truncated: a {shape} array of {elementType} needs {expected} bytes of data, found {found}");

    private static int ElementSize(IdxElementType elementType) => elementType switch
    {
        IdxElementType.UnsignedByte or IdxElementType.SignedByte => 1,
        IdxElementType.Short => 2,
        IdxElementType.Int or IdxElementType.Float => 4,
        _ => 8,
    };
}
