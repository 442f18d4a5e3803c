using System.Text;
using ModelGrid.Storage.Artifacts;
using ModelGrid.Testing;

namespace ModelGrid.Storage.Tests.Artifacts;

public sealed class CsvColumnDropperTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TransformAsync_DropsNamedColumnsAndQuotesMinimally()
    {
        const string original =
            "id,name,charge,\"first\",score,score\r\n" +
            "1,\"Doe, Jane\",\"Battery, \"\"simple\"\"\",Jane,5,5\r\n" +
            "2,Roe,\"line\nbreak\",\"Richard\",,7\r\n";
        const string expected =
            "id,charge,score,score\n" +
            "1,\"Battery, \"\"simple\"\"\",5,5\n" +
            "2,\"line\nbreak\",,7\n";

        Assert.Equal(expected, await TransformAsync(original, ["name", "first"]));
    }

    [Fact]
    public async Task TransformAsync_FileWithoutFinalNewline_StillEndsEachRecord()
    {
        Assert.Equal("a\n1\n", await TransformAsync("a,b\n1,2", ["b"]));
    }

    [Fact]
    public async Task TransformAsync_UnknownColumns_IsAnError()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => TransformAsync("a,b\n1,2\n", ["zzz"]));
    }

    [Fact]
    public async Task TransformAsync_UnterminatedQuote_IsAnError()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => TransformAsync("a,b\n\"1,2\n", ["b"]));
    }

    [Fact]
    public async Task TransformAsync_ByteOrderMark_MatchesTheFirstHeaderAndIsNotWritten()
    {
        var output = await TransformAsync("\uFEFFid,name\n1,x\n", ["id"]);

        Assert.Equal("name\nx\n", output);
    }

    [Fact]
    public async Task TransformAsync_LoneCrAndCrlfInsideQuotes_EndRecordsAndStayInTheValue()
    {
        var output = await TransformAsync("a,b,c\r1,\"x\r\ny\",2\r3,4,5", ["a"]);

        Assert.Equal("b,c\n\"x\r\ny\",2\n4,5\n", output);
    }

    [Fact]
    public async Task TransformAsync_EmptyLine_IsKept()
    {
        Assert.Equal("a\n\n1\n", await TransformAsync("a,b\n\n1,2\n", ["b"]));
    }

    [Fact]
    public async Task TransformAsync_TextAfterClosingQuote_IsAnErrorNamingTheLine()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => TransformAsync("a,b\n\"1\"x,2\n", ["b"]));

        Assert.Equal("the CSV is malformed: line 2: 'x' follows the closing quote of field 1; a delimiter or a line end was expected", error.Message);
    }

    [Fact]
    public async Task TransformAsync_NothingDropped_ReproducesTheShippedCompasFileByteForByte()
    {
        // The derived COMPAS file was written by the same rules (minimal quoting, LF): re-writing it must change nothing.
        var path = TestArtifacts.Get("compas-scores-two-years-nopii.csv");
        var original = await File.ReadAllBytesAsync(path, Ct);
        using var output = new MemoryStream();

        await CsvColumnDropper.TransformAsync(new MemoryStream(original), output, [], Ct);

        Assert.Equal(original.Length, output.Length);
        Assert.True(original.AsSpan().SequenceEqual(output.ToArray()));
    }

    private static async Task<string> TransformAsync(string input, string[] columns)
    {
        using var output = new MemoryStream();
        await CsvColumnDropper.TransformAsync(new MemoryStream(Encoding.UTF8.GetBytes(input)), output, columns, Ct);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
