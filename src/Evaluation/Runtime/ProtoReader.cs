using System.Text;

namespace ModelGrid.Evaluation.Runtime;

/// <summary>
/// Reads protobuf's wire format from a seekable stream, field by field: varints, lengths and strings are read, every
/// other payload is skipped by seeking, so large tensors in a model file are never loaded.
/// </summary>
internal sealed class ProtoReader(Stream stream)
{
    private const int MaxStringBytes = 1 << 16;

    public long Position => stream.Position;

    public long Length => stream.Length;

    /// <summary>The next field's number and wire type, or false at <paramref name="end"/>.</summary>
    public bool Next(long end, out int field, out int wireType)
    {
        if (stream.Position >= end)
        {
            field = wireType = 0;
            return false;
        }

        var tag = ReadVarint();
        field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        return field > 0 ? true : throw new InvalidDataException("field number 0");
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                throw new EndOfStreamException();
            }

            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("a varint longer than 10 bytes");
    }

    /// <summary>Reads a length prefix and returns where the payload ends.</summary>
    public long ReadEnd(long outerEnd)
    {
        var length = ReadVarint();
        var end = stream.Position + (long)Math.Min(length, (ulong)long.MaxValue / 2);
        return length <= (ulong)(outerEnd - stream.Position) ? end : throw new InvalidDataException("a field runs past its message");
    }

    public string ReadString(long outerEnd)
    {
        var end = ReadEnd(outerEnd);
        var length = end - stream.Position;
        if (length > MaxStringBytes)
        {
            throw new InvalidDataException("a name longer than 64 KiB");
        }

        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Skips the payload of a field of <paramref name="wireType"/>.</summary>
    public void Skip(int wireType, long outerEnd)
    {
        switch (wireType)
        {
            case 0:
                ReadVarint();
                break;
            case 1:
                Seek(stream.Position + 8, outerEnd);
                break;
            case 2:
                Seek(ReadEnd(outerEnd), outerEnd);
                break;
            case 5:
                Seek(stream.Position + 4, outerEnd);
                break;
            default:
                throw new InvalidDataException($"wire type {wireType}");
        }
    }

    public void Seek(long position, long outerEnd)
    {
        if (position > outerEnd)
        {
            throw new InvalidDataException("a field runs past its message");
        }

        stream.Position = position;
    }
}
