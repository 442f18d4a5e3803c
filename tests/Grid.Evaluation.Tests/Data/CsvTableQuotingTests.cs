using static ModelGrid.Evaluation.Tests.Data.DataFixtures;

namespace ModelGrid.Evaluation.Tests.Data;

/// <summary>RFC 4180 quoting and line ends.</summary>
public sealed class CsvTableQuotingTests
{
    [Fact]
    public void Read_QuotedFieldWithDelimiters_KeepsThemInTheValue()
    {
        var table = Csv("id,charge\n1,\"Poss 3,4 MDMA (Ecstasy)\"\n2,Battery\n");

        Assert.Equal(["Poss 3,4 MDMA (Ecstasy)", "Battery"], table.Column("charge"));
        Assert.Equal(["1", "2"], table.Column("id"));
    }

    [Fact]
    public void Read_DoubledQuotes_UnescapeToOneQuote()
    {
        var table = Csv("a,b\n\"Poss Mot Veh Mfg \"\"ID\"\" Removed\",\"\"\"\"\n");

        Assert.Equal(["Poss Mot Veh Mfg \"ID\" Removed"], table.Column("a"));
        Assert.Equal(["\""], table.Column("b"));
    }

    [Fact]
    public void Read_LineBreakInsideQuotes_KeepsItAndCountsFileLines()
    {
        var table = Csv("id,note\n1,\"two\nlines\"\n2,plain\n");

        Assert.Equal(2, table.RowCount);
        Assert.Equal(["two\nlines", "plain"], table.Column("note"));
        Assert.Equal(2, table.SourceLine(0));
        Assert.Equal(4, table.SourceLine(1));
    }

    [Fact]
    public void Read_CrlfInsideQuotes_KeepsCrlf()
    {
        var table = Csv("note\r\n\"x\r\ny\"\r\nz\r\n");

        Assert.Equal(["x\r\ny", "z"], table.Column("note"));
        Assert.Equal(4, table.SourceLine(1));
    }

    [Fact]
    public void Read_CrlfLineEnds_ReadAsLf()
    {
        var crlf = Csv("a,b\r\n1,2\r\n3,4\r\n");

        Assert.Equal(["a", "b"], crlf.ColumnNames);
        Assert.Equal(["1", "3"], crlf.Column("a"));
        Assert.Equal(["2", "4"], crlf.Column("b"));
        Assert.Equal(3, crlf.SourceLine(1));
    }

    [Fact]
    public void Read_LoneCrLineEnds_EndLines()
    {
        var table = Csv("a,b\r1,2\r3,4");

        Assert.Equal(["2", "4"], table.Column("b"));
        Assert.Equal(3, table.SourceLine(1));
    }

    [Theory]
    [InlineData("a,b\n1,2")]
    [InlineData("a,b\n1,2\n")]
    [InlineData("a,b\r\n1,2\r\n")]
    [InlineData("a,b\n1,\"2\"")]
    public void Read_LastLineWithOrWithoutLineEnd_ReadsOneRow(string text)
    {
        var table = Csv(text);

        Assert.Equal(1, table.RowCount);
        Assert.Equal(["2"], table.Column("b"));
    }

    [Fact]
    public void Read_TrailingDelimiter_EndsWithAnEmptyField()
    {
        var table = Csv("a,b\n1,\n2,");

        Assert.Equal([null, null], table.Column("b"));
    }

    [Fact]
    public void Read_QuoteInsideUnquotedField_IsKeptLiterally()
    {
        var table = Csv("size\n5'11\"\n");

        Assert.Equal(["5'11\""], table.Column("size"));
    }

    [Fact]
    public void Read_OtherDelimiter_SplitsOnItOnly()
    {
        var table = Csv("a;b\n\"x;y\";1,5\n", new() { Delimiter = ';' });

        Assert.Equal(["x;y"], table.Column("a"));
        Assert.Equal(["1,5"], table.Column("b"));
    }

    [Fact]
    public void Read_LongQuotedFieldAndManyFields_KeepsEveryCharacter()
    {
        var longValue = string.Concat(Enumerable.Repeat("ab\"c,\n", 2000));
        var names = Enumerable.Range(0, 40).Select(i => $"c{i}").ToArray();
        var row = Enumerable.Range(0, 40).Select(i => i == 17 ? $"\"{longValue.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : $"{i}");

        var table = Csv($"{string.Join(',', names)}\n{string.Join(',', row)}\n0{new string(',', 39)}\n");

        Assert.Equal(2, table.RowCount);
        Assert.Equal(longValue, table.Column("c17")[0]);
        Assert.Equal("39", table.Column(39)[0]);
        Assert.Equal(2003, table.SourceLine(1));
    }

    [Fact]
    public void Read_Utf8ByteOrderMark_IsNotPartOfTheFirstName()
    {
        var table = Csv([0xEF, 0xBB, 0xBF, .. "name,value\nx,1\n"u8]);

        Assert.Equal(["name", "value"], table.ColumnNames);
        Assert.Equal(["x"], table.Column("name"));
    }

    [Fact]
    public void Read_ManyRows_KeepsEveryValueInOrder()
    {
        var text = "id,group,score\n" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"{i},g{i % 7},\"{i}.5\"\n"));

        var table = Csv(text);

        Assert.Equal(50_000, table.RowCount);
        Assert.Equal(Enumerable.Range(0, 50_000).Select(i => $"{i}"), table.Column("id"));
        Assert.Equal(Enumerable.Range(0, 50_000).Select(i => $"g{i % 7}"), table.Column("group"));
        Assert.Equal(Enumerable.Range(0, 50_000).Select(i => i + 0.5), table.NumericColumn("score"));
    }
}
