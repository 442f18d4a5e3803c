namespace ModelGrid.Client.Cli.Tests;

public sealed class OutputWidthTests
{
    [Theory]
    [InlineData(true, 132, null, 132)]
    [InlineData(true, 132, "", 132)]
    [InlineData(true, 132, "90", 90)]
    [InlineData(true, 0, null, 100)]
    [InlineData(true, -1, "wide", 100)]
    [InlineData(true, 0, "72", 72)]
    public void Resolve_Terminal_ColumnsThenItsWidthThenOneHundred(bool terminal, int terminalWidth, string? columns, int expected)
    {
        Assert.Equal(expected, OutputWidth.Resolve(terminal, terminalWidth, columns));
    }

    [Theory]
    [InlineData(null, int.MaxValue)]
    [InlineData("", int.MaxValue)]
    [InlineData("80", 80)]
    [InlineData("0", int.MaxValue)]
    [InlineData("-5", int.MaxValue)]
    [InlineData("+80", int.MaxValue)]
    [InlineData(" 80", int.MaxValue)]
    [InlineData("wide", int.MaxValue)]
    public void Resolve_PipeOrFile_ColumnsElseNotWrapped(string? columns, int expected)
    {
        Assert.Equal(expected, OutputWidth.Resolve(terminal: false, terminalWidth: 0, columns));
    }

}
