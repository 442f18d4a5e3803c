using System.Text;

namespace ModelGrid.Testing;

/// <summary>The few protobuf wire-format encodings an ONNX model needs: varints, strings, packed and nested messages.</summary>
internal sealed class ProtoWriter
{
    private readonly List<byte> _buffer = [];

    public ProtoWriter Varint(int field, long value)
    {
        Tag(field, 0);
        WriteVarint((ulong)value);
        return this;
    }

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

    public ProtoWriter Float(int field, float value)
    {
        Tag(field, 5);
        _buffer.AddRange(BitConverter.GetBytes(value));
        return this;
    }

    public ProtoWriter PackedInt64(int field, IEnumerable<long> values)
    {
        var packed = new ProtoWriter();
        foreach (var value in values)
        {
            packed.WriteVarint((ulong)value);
        }

        return Bytes(field, packed.ToArray());
    }

    public ProtoWriter Bytes(int field, byte[] value)
    {
        Tag(field, 2);
        WriteVarint((ulong)value.Length);
        _buffer.AddRange(value);
        return this;
    }

    public byte[] ToArray() => _buffer.ToArray();

    private void Tag(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.Add((byte)(value | 0x80));
            value >>= 7;
        }

        _buffer.Add((byte)value);
    }
}
