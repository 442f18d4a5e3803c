namespace ModelGrid.Formats.Tests;

/// <summary>
/// The record reader on its own: what the suites' tables and the artifact transform both rely on. A record is shown as
/// "line: field | field".
/// </summary>
public sealed class CsvRecordReaderTests
{
    [Fact]
    public void MoveNext_QuotedFieldsAndEveryLineEnd_SplitsRecordsAndUnquotes()
    {
        var records = Read("a,\"b,\"\"c\"\"\"\r\n\"x\r\ny\",2\r3,\n4,5");

        Assert.Equal(
            [
                "1: a | b,\"c\"",
                "2: x\r\ny | 2",
                "4: 3 | ",
                "5: 4 | 5",
            ],
            records);
    }

    [Fact]
    public void MoveNext_ByteOrderMark_IsNotPartOfTheFirstField()
    {
        var records = Read("\uFEFFid,name\n1,x\n");

        Assert.Equal("1: id | name", records[0]);
    }

    [Fact]
    public void MoveNext_EmptyLinesKept_AreRecordsOfOneEmptyField()
    {
        var records = Read("a\n\n\nb\n", new CsvDialect(SkipEmptyLines: false));

        Assert.Equal(["1: a", "2: ", "3: ", "4: b"], records);
    }

    [Fact]
    public void MoveNext_EmptyLinesSkipped_KeepFileLineNumbers()
    {
        var records = Read("a\n\n\nb\n");

        Assert.Equal(["1: a", "4: b"], records);
    }

    [Fact]
    public void MoveNext_TrimmedTabDelimiter_KeepsEmptyFieldsAndTrimsSpaces()
    {
        var records = Read("1\t\t 3 \t\" q \" \n", new CsvDialect('\t', TrimValues: true));

        Assert.Equal(["1: 1 |  | 3 |  q "], records);
    }

    [Fact]
    public void MoveNext_UnterminatedQuote_ThrowsCsvFormatExceptionNamingTheSourceAndLine()
    {
        var error = Assert.Throws<CsvFormatException>(() => Read("a\n\"open\nmore\n", source: "data.csv"));

        Assert.Equal("data.csv line 2: the quoted field 1 opened here is never closed (unterminated quote)", error.Message);
    }

    [Fact]
    public void MoveNext_TextAfterClosingQuote_ThrowsCsvFormatException()
    {
        var error = Assert.Throws<CsvFormatException>(() => Read("a,\"x\"y\n"));

        Assert.Equal("line 1: 'y' follows the closing quote of field 2; a delimiter or a line end was expected", error.Message);
    }

    [Theory]
    [InlineData('"')]
    [InlineData('\n')]
    [InlineData('\r')]
    public void Constructor_QuoteOrLineBreakAsDelimiter_ThrowsArgumentException(char delimiter)
    {
        var error = Assert.Throws<ArgumentException>(() => new CsvRecordReader("a", new CsvDialect(delimiter), source: null));

        Assert.Equal("dialect", error.ParamName);
        Assert.False(CsvDialect.CanDelimit(delimiter));
    }

    private static List<string> Read(string text, CsvDialect? dialect = null, string? source = null)
    {
        var reader = new CsvRecordReader(text, dialect ?? new CsvDialect(), source);
        var records = new List<string>();
        while (reader.MoveNext())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.Field(i).ToString();
            }

            records.Add($"{reader.RecordLine}: {string.Join(" | ", fields)}");
        }

        return records;
    }
}
