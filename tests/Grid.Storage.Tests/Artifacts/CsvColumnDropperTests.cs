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
