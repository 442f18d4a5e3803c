using ModelGrid.Evaluation.Data;
using ModelGrid.Testing;
using static ModelGrid.Evaluation.Tests.Data.DataFixtures;

namespace ModelGrid.Evaluation.Tests.Data;

/// <summary>Malformed files and bad look-ups: one clear line naming the file, the line and the fault.</summary>
public sealed class CsvTableErrorTests
{
    [Theory]
    [InlineData("a,b\n1,2\n3\n", "line 3: expected 2 fields, found 1")]
    [InlineData("a,b\n1,2,3\n", "line 2: expected 2 fields, found 3")]
    [InlineData("a,b\n\"x\ny\",2\n3,\"4\",5\n", "line 4: expected 2 fields, found 3")]
    public void Read_WrongFieldCount_ThrowsNamingTheLineAndTheCounts(string text, string message)
    {
        var error = Assert.Throws<DatasetFormatException>(() => Csv(text));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Read_UnterminatedQuote_ThrowsNamingTheLineItOpens()
    {
        var error = Assert.Throws<DatasetFormatException>(() => Csv("a,b\n1,\"open\n2,3\n"));

        Assert.Equal("line 2: the quoted field 2 opened here is never closed (unterminated quote)", error.Message);
    }

    [Fact]
    public void Read_TextAfterClosingQuote_Throws()
    {
        var error = Assert.Throws<DatasetFormatException>(() => Csv("a\n\"x\"y\n"));

        Assert.Equal("line 2: 'y' follows the closing quote of field 1; a delimiter or a line end was expected", error.Message);
    }

    [Fact]
    public void Read_EmptyFileWithHeader_Throws()
    {
        var error = Assert.Throws<DatasetFormatException>(() => Csv(""));

        Assert.Equal("the stream is empty, but a header line was expected", error.Message);
    }

    [Fact]
    public void Read_InvalidUtf8_Throws()
    {
        var error = Assert.Throws<DatasetFormatException>(() => Csv([.. "a\n"u8, 0xFF, .. "\n"u8]));

        Assert.StartsWith("the stream is not valid UTF-8 (", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('"')]
    [InlineData('\n')]
    [InlineData('\r')]
    public void Read_QuoteOrLineBreakAsDelimiter_ThrowsArgumentException(char delimiter)
    {
        var error = Assert.Throws<ArgumentException>(() => Csv("a\n1\n", new() { Delimiter = delimiter }));

        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public void Column_UnknownName_ThrowsListingTheColumns()
    {
        var table = Csv("a,b\n1,2\n");

        var error = Assert.Throws<DatasetFormatException>(() => table.Column("c"));

        Assert.Equal("no column 'c'; the columns are: a, b", error.Message);
        Assert.False(table.HasColumn("c"));
        Assert.False(table.HasColumn("A"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void Column_IndexOutOfRange_ThrowsArgumentOutOfRange(int index)
    {
        var table = Csv("a,b\n1,2\n");

        Assert.Throws<ArgumentOutOfRangeException>(() => table.Column(index));
    }

    [Fact]
    public void NumericColumn_Numbers_ParsesInvariantAndMissingIsNaN()
    {
        var table = Csv("x,y\n1.5,a\n-2e3,b\n,c\n 7 ,d\nNaN,e\n");

        Assert.Equal([1.5, -2000, double.NaN, 7, double.NaN], table.NumericColumn("x"));
    }

    [Fact]
    public void NumericColumn_DeclaredMissingToken_IsNaN()
    {
        var table = Csv("x\n1\n?\n", new() { MissingValues = ["?"] });

        Assert.Equal([1, double.NaN], table.NumericColumn("x"));
    }

    [Fact]
    public void NumericColumn_NotANumber_ThrowsWithRowLineAndValue()
    {
        var table = Csv("id,note,score\n1,\"two\nlines\",0.5\n2,x,\"1,5\"\n");

        var error = Assert.Throws<DatasetFormatException>(() => table.NumericColumn("score"));

        Assert.Equal("line 4: column 'score', row 2: '1,5' is not a number", error.Message);
    }

    [Fact]
    public void NumericColumn_UnknownName_ThrowsListingTheColumns()
    {
        var table = Csv("a,b\n1,2\n");

        var error = Assert.Throws<DatasetFormatException>(() => table.NumericColumn("score"));

        Assert.Equal("no column 'score'; the columns are: a, b", error.Message);
    }

    [Fact]
    public void Read_Path_MessagesNameTheFile()
    {
        var folder = TestPaths.NewTempFolder("csv");
        try
        {
            var bad = Path.Combine(folder, "bad.csv");
            var good = Path.Combine(folder, "good.csv");
            File.WriteAllText(bad, "a,b\n1,2,3\n");
            File.WriteAllText(good, "a,b\n1,x\n");

            var wrongCount = Assert.Throws<DatasetFormatException>(() => CsvTable.Read(bad, new CsvReadOptions()));
            var table = CsvTable.Read(good, new CsvReadOptions());
            var noColumn = Assert.Throws<DatasetFormatException>(() => table.Column("z"));
            var notNumber = Assert.Throws<DatasetFormatException>(() => table.NumericColumn("b"));

            Assert.Equal($"{bad} line 2: expected 2 fields, found 3", wrongCount.Message);
            Assert.Equal($"{good}: no column 'z'; the columns are: a, b", noColumn.Message);
            Assert.Equal($"{good} line 2: column 'b', row 1: 'x' is not a number", notNumber.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
