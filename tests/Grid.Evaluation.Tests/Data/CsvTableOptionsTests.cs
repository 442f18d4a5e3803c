using ModelGrid.Evaluation.Data;
using static ModelGrid.Evaluation.Tests.Data.DataFixtures;

namespace ModelGrid.Evaluation.Tests.Data;

/// <summary>Headers, names, missing values, trimming and empty lines.</summary>
public sealed class CsvTableOptionsTests
{
    [Fact]
    public void Read_DuplicateHeaders_KeepsBothAndTheFirstWins()
    {
        var table = Csv("x,y,x\n1,2,3\n");

        Assert.Equal(["x", "y", "x"], table.ColumnNames);
        Assert.True(table.HasColumn("x"));
        Assert.Equal(["1"], table.Column("x"));
        Assert.Equal(["3"], table.Column(2));
        Assert.Equal(0, table.IndexOf("x"));
    }

    [Fact]
    public void Read_EmptyValues_AreMissing()
    {
        var table = Csv("a,b,c\n,\"\",?\n");

        Assert.Equal([null], table.Column("a"));
        Assert.Equal([null], table.Column("b"));
        Assert.Equal(["?"], table.Column("c"));
    }

    [Fact]
    public void Read_DeclaredMissingTokens_AreMissingAndCaseSensitive()
    {
        var table = Csv("a,b,c\n?,NA,na\n", new() { MissingValues = ["?", "NA"] });

        Assert.Equal([null], table.Column("a"));
        Assert.Equal([null], table.Column("b"));
        Assert.Equal(["na"], table.Column("c"));
    }

    [Fact]
    public void Read_TrimValues_TrimsBlanksOutsideQuotesOnly()
    {
        var table = Csv("a, b ,c\n 1 ,\t2\t, \" q \" \n", new() { TrimValues = true });

        Assert.Equal(["a", "b", "c"], table.ColumnNames);
        Assert.Equal(["1"], table.Column("a"));
        Assert.Equal(["2"], table.Column("b"));
        Assert.Equal([" q "], table.Column("c"));
    }

    [Fact]
    public void Read_NoTrimming_KeepsBlanksAndTreatsALateQuoteAsText()
    {
        var table = Csv("a, b\n 1 , \"q\"\n");

        Assert.Equal(["a", " b"], table.ColumnNames);
        Assert.Equal([" 1 "], table.Column("a"));
        Assert.Equal([" \"q\""], table.Column(" b"));
    }

    [Fact]
    public void Read_TrimmedMissingToken_IsMissing()
    {
        var table = Csv("a,b\n ? ,x\n", new() { TrimValues = true, MissingValues = ["?"] });

        Assert.Equal([null], table.Column("a"));
    }

    [Fact]
    public void Read_TabDelimiterWithTrimming_KeepsEmptyFields()
    {
        var table = Csv("a\tb\tc\n1\t\t 3 \n", new() { Delimiter = '\t', TrimValues = true });

        Assert.Equal(["1"], table.Column("a"));
        Assert.Equal([null], table.Column("b"));
        Assert.Equal(["3"], table.Column("c"));
    }

    [Fact]
    public void Read_HeaderlessWithNames_UsesTheNamesForEveryRow()
    {
        var table = Csv("1,2\n3,4\n", new() { HasHeader = false, ColumnNames = ["p", "q"] });

        Assert.Equal(["p", "q"], table.ColumnNames);
        Assert.Equal(2, table.RowCount);
        Assert.Equal(["2", "4"], table.Column("q"));
        Assert.Equal(1, table.SourceLine(0));
    }

    [Fact]
    public void Read_HeaderlessEmptyFile_HasNoRows()
    {
        var table = Csv("", new() { HasHeader = false, ColumnNames = ["p"] });

        Assert.Equal(0, table.RowCount);
        Assert.Empty(table.Column("p"));
    }

    [Fact]
    public void Read_HeaderlessWithoutNames_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => Csv("1,2\n", new() { HasHeader = false }));

        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public void Read_HeaderAndNames_NamesReplaceTheHeader()
    {
        var table = Csv("a,b\n1,2\n", new() { ColumnNames = ["x", "y"] });

        Assert.Equal(["x", "y"], table.ColumnNames);
        Assert.False(table.HasColumn("a"));
        Assert.Equal(["2"], table.Column("y"));
    }

    [Fact]
    public void Read_HeaderAndTooManyNames_ThrowsNamingTheCounts()
    {
        var error = Assert.Throws<DatasetFormatException>(() => Csv("a,b\n1,2\n", new() { ColumnNames = ["x", "y", "z"] }));

        Assert.Equal("line 1: the header has 2 columns, but 3 column names were given", error.Message);
    }

    [Fact]
    public void Read_EmptyLines_AreSkippedByDefault()
    {
        var table = Csv("a,b\n\n1,2\n\r\n3,4\n\n\n");

        Assert.Equal(["1", "3"], table.Column("a"));
        Assert.Equal(3, table.SourceLine(0));
        Assert.Equal(5, table.SourceLine(1));
    }

    [Fact]
    public void Read_EmptyLinesKept_AreMissingValuesOfOneColumn()
    {
        var table = Csv("a\n1\n\n2\n", new() { SkipEmptyLines = false });

        Assert.Equal(["1", null, "2"], table.Column("a"));
    }

    [Fact]
    public void Read_EmptyLineKeptInWiderFile_IsAWrongFieldCount()
    {
        var error = Assert.Throws<DatasetFormatException>(() => Csv("a,b\n1,2\n\n", new() { SkipEmptyLines = false }));

        Assert.Equal("line 3: expected 2 fields, found 1", error.Message);
    }

    [Fact]
    public void Read_RepeatedValues_ShareOneString()
    {
        var table = Csv("sex\nMale\nFemale\nMale\n");

        Assert.Same(table.Column("sex")[0], table.Column("sex")[2]);
    }
}
