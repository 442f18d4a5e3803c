using System.Buffers.Binary;
using System.IO.Compression;

namespace ModelGrid.Evaluation.Data;

/// <summary>Parsing and validating the IDX header and data.</summary>
public sealed partial class IdxArray
{
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
}
