using System.IO.Compression;
using ModelGrid.Evaluation.Data;
using ModelGrid.Testing;
using static ModelGrid.Evaluation.Tests.Data.DataFixtures;

namespace ModelGrid.Evaluation.Tests.Data;

/// <summary>The IDX format on hand-made arrays: every element type, gzip, and each way a file can be broken.</summary>
public sealed class IdxArrayTests
{
    private static readonly byte[] TwelveBytes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255];

    [Theory]
    [InlineData(IdxElementType.UnsignedByte, new byte[] { 0x00, 0x01, 0xFF }, new float[] { 0, 1, 255 })]
    [InlineData(IdxElementType.SignedByte, new byte[] { 0x00, 0x7F, 0x80, 0xFF }, new float[] { 0, 127, -128, -1 })]
    [InlineData(IdxElementType.Short, new byte[] { 0x01, 0x02, 0xFF, 0xFE }, new float[] { 258, -2 })]
    [InlineData(IdxElementType.Int, new byte[] { 0x00, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF }, new float[] { 65536, -1 })]
    [InlineData(IdxElementType.Float, new byte[] { 0x3F, 0xC0, 0x00, 0x00, 0xC0, 0x00, 0x00, 0x00 }, new float[] { 1.5f, -2 })]
    [InlineData(IdxElementType.Double, new byte[] { 0x3F, 0xD0, 0, 0, 0, 0, 0, 0, 0xC0, 0x08, 0, 0, 0, 0, 0, 0 }, new float[] { 0.25f, -3 })]
    public void Read_EachElementType_ReadsBigEndianValues(IdxElementType type, byte[] body, float[] expected)
    {
        var array = ReadIdx(Idx(type, [expected.Length], body));

        Assert.Equal(type, array.ElementType);
        Assert.Equal([expected.Length], array.Dimensions);
        Assert.Equal(expected.Length, array.Count);
        Assert.Equal(1, array.ItemLength);
        Assert.Equal(expected, array.ToSingles());
    }

    [Theory]
    [InlineData(IdxElementType.UnsignedByte, new byte[] { 0x00, 0x01, 0xFF }, new long[] { 0, 1, 255 })]
    [InlineData(IdxElementType.SignedByte, new byte[] { 0x00, 0x7F, 0x80, 0xFF }, new long[] { 0, 127, -128, -1 })]
    [InlineData(IdxElementType.Short, new byte[] { 0x01, 0x02, 0xFF, 0xFE }, new long[] { 258, -2 })]
    [InlineData(IdxElementType.Int, new byte[] { 0x7F, 0xFF, 0xFF, 0xFF, 0x80, 0x00, 0x00, 0x00 }, new long[] { int.MaxValue, int.MinValue })]
    public void ToInt64s_IntegerTypes_ReadsBigEndianValues(IdxElementType type, byte[] body, long[] expected)
    {
        var array = ReadIdx(Idx(type, [expected.Length], body));

        Assert.Equal(expected, array.ToInt64s());
    }

    [Theory]
    [InlineData(IdxElementType.Float, 4)]
    [InlineData(IdxElementType.Double, 8)]
    public void ToInt64s_FloatingPointTypes_Throws(IdxElementType type, int size)
    {
        var array = ReadIdx(Idx(type, [1], new byte[size]));

        var error = Assert.Throws<DatasetFormatException>(array.ToInt64s);

        Assert.Equal($"the IDX array holds {type} elements; integers (labels) need an integer element type", error.Message);
    }

    [Fact]
    public void Read_Gzip_SameAsPlain()
    {
        var plain = Idx(IdxElementType.UnsignedByte, [2, 2, 3], TwelveBytes);

        var fromPlain = ReadIdx(plain);
        var fromGzip = ReadIdx(Gzip(plain));

        Assert.Equal([2, 2, 3], fromGzip.Dimensions);
        Assert.Equal(2, fromGzip.Count);
        Assert.Equal(6, fromGzip.ItemLength);
        Assert.Equal(TwelveBytes.Select(b => (float)b), fromGzip.ToSingles());
        Assert.Equal(fromPlain.ToSingles(), fromGzip.ToSingles());
    }

    [Fact]
    public void Read_NonSeekableStreams_ReadsPlainAndGzip()
    {
        var plain = Idx(IdxElementType.UnsignedByte, [2, 2, 3], TwelveBytes);
        using var gzipOfPlain = new GZipStream(new MemoryStream(Gzip(plain)), CompressionMode.Decompress);
        using var gzipOfGzip = new GZipStream(new MemoryStream(Gzip(Gzip(plain))), CompressionMode.Decompress);

        Assert.False(gzipOfPlain.CanSeek);
        Assert.Equal(TwelveBytes.Select(b => (float)b), IdxArray.Read(gzipOfPlain).ToSingles());
        Assert.Equal(TwelveBytes.Select(b => (float)b), IdxArray.Read(gzipOfGzip).ToSingles());
    }

    [Fact]
    public void CopyItem_OneItem_WritesThatItemOnly()
    {
        var array = ReadIdx(Idx(IdxElementType.Short, [3, 2], [0, 1, 0, 2, 0, 3, 0, 4, 0xFF, 0xFB, 0xFF, 0xFA]));
        var destination = new float[] { 9, 9, 9 };

        array.CopyItem(2, destination);

        Assert.Equal([-5, -6, 9], destination);
        array.CopyItem(1, destination.AsSpan(1));
        Assert.Equal([-5, 3, 4], destination);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void CopyItem_IndexOutOfRange_ThrowsArgumentOutOfRange(int index)
    {
        var array = ReadIdx(Idx(IdxElementType.UnsignedByte, [3, 2], new byte[6]));

        Assert.Throws<ArgumentOutOfRangeException>(() => array.CopyItem(index, new float[2]));
    }

    [Fact]
    public void CopyItem_ShortDestination_ThrowsArgumentException()
    {
        var array = ReadIdx(Idx(IdxElementType.UnsignedByte, [3, 2], new byte[6]));

        var error = Assert.Throws<ArgumentException>(() => array.CopyItem(0, new float[1]));

        Assert.Equal("destination", error.ParamName);
    }

    [Fact]
    public void Read_NoItems_IsEmpty()
    {
        var array = ReadIdx(Idx(IdxElementType.UnsignedByte, [0, 28, 28], []));

        Assert.Equal(0, array.Count);
        Assert.Equal(784, array.ItemLength);
        Assert.Empty(array.ToSingles());
    }

    [Fact]
    public void Read_TruncatedData_Throws()
    {
        var bytes = Idx(IdxElementType.UnsignedByte, [2, 2, 3], TwelveBytes[..11]);

        var error = Assert.Throws<DatasetFormatException>(() => ReadIdx(bytes));

        Assert.Equal("the IDX stream: truncated: a 2×2×3 array of UnsignedByte needs 12 bytes of data, found 11", error.Message);
    }

    [Fact]
    public void Read_TruncatedDataInsideGzip_Throws()
    {
        var bytes = Gzip(Idx(IdxElementType.Int, [3], new byte[11]));

        var error = Assert.Throws<DatasetFormatException>(() => ReadIdx(bytes));

        Assert.Equal("the IDX stream: truncated: a 3 array of Int needs 12 bytes of data, found 11", error.Message);
    }

    [Fact]
    public void Read_CorruptGzip_Throws()
    {
        byte[] bytes = [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];

        var error = Assert.Throws<DatasetFormatException>(() => ReadIdx(bytes));

        // The rest of the message is the decompressor's own words.
        Assert.StartsWith("the IDX stream: the gzip data is corrupt (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedHeader_Throws()
    {
        var bytes = Idx(IdxElementType.UnsignedByte, [2, 2, 3], [])[..10];

        var error = Assert.Throws<DatasetFormatException>(() => ReadIdx(bytes));

        Assert.Equal("the IDX stream: truncated in the IDX header, which declares 3 dimensions", error.Message);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0, 0, 8 })]
    public void Read_ShorterThanTheMagicNumber_Throws(byte[] bytes)
    {
        var error = Assert.Throws<DatasetFormatException>(() => ReadIdx(bytes));

        Assert.Equal("the IDX stream: shorter than the 4-byte IDX magic number", error.Message);
    }

    [Fact]
    public void Read_BadMagic_Throws()
    {
        byte[] bytes = [0x01, 0x00, 0x08, 0x01, 0, 0, 0, 1, 7];

        var error = Assert.Throws<DatasetFormatException>(() => ReadIdx(bytes));

        Assert.Equal("the IDX stream: the magic number 0x01000801 is not IDX (an IDX file starts with two zero bytes)", error.Message);
    }

    [Fact]
    public void Read_UnknownElementType_Throws()
    {
        var bytes = Idx((IdxElementType)0x0A, [1], [7]);

        var error = Assert.Throws<DatasetFormatException>(() => ReadIdx(bytes));

        Assert.Equal("the IDX stream: 0x0A is not an IDX element type (08, 09, 0B, 0C, 0D or 0E)", error.Message);
    }

    [Fact]
    public void Read_NoDimensions_Throws()
    {
        var error = Assert.Throws<DatasetFormatException>(() => ReadIdx(Idx(IdxElementType.UnsignedByte, [], [7])));

        Assert.Equal("the IDX stream: the IDX header declares no dimensions", error.Message);
    }

    [Fact]
    public void Read_NegativeDimension_Throws()
    {
        var error = Assert.Throws<DatasetFormatException>(() => ReadIdx(Idx(IdxElementType.UnsignedByte, [1, -1], [])));

        Assert.Equal("the IDX stream: dimension 1 is negative (-1)", error.Message);
    }

    [Fact]
    public void Read_HugeDimensions_ThrowsBeforeAllocating()
    {
        var error = Assert.Throws<DatasetFormatException>(() => ReadIdx(Idx(IdxElementType.Double, [65536, 65536, 65536], [])));

        Assert.Equal("the IDX stream: a 65536×65536×65536 array of Double is too large to load", error.Message);
    }

    [Fact]
    public void Read_TrailingBytes_Throws()
    {
        var error = Assert.Throws<DatasetFormatException>(() => ReadIdx(Idx(IdxElementType.UnsignedByte, [3], [1, 2, 3, 4])));

        Assert.Equal("the IDX stream: more data than a 3 array of UnsignedByte holds (3 bytes)", error.Message);
    }

    [Fact]
    public void Read_Path_MessagesNameTheFile()
    {
        var folder = TestPaths.NewTempFolder("idx");
        try
        {
            var path = Path.Combine(folder, "short-idx1-ubyte");
            File.WriteAllBytes(path, Idx(IdxElementType.UnsignedByte, [4], [1, 2]));

            var error = Assert.Throws<DatasetFormatException>(() => IdxArray.Read(path));

            Assert.Equal($"{path}: truncated: a 4 array of UnsignedByte needs 4 bytes of data, found 2", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
