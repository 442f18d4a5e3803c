using ModelGrid.Evaluation.Reporting;

namespace ModelGrid.Contracts.Tests.Evaluation.Reporting;

public sealed class TextTableTests
{
    private const string Digest = "2f06e72de813a8635c9bc0397ac447a601bdbfa7df4bebc278723b958831c9bf";

    [Fact]
    public void Render_Unlimited_OneLinePerRowTwoSpacesApartNumbersRight()
    {
        var table = new TextTable(new("path"), TextColumn.Number("size"), new("sha256"))
            .AddRow("mnist.onnx", "26,454", Digest)
            .AddRow("a", "7", "-");

        Assert.Equal(
            $"path          size  sha256\nmnist.onnx  26,454  {Digest}\na                7  -\n",
            table.Render());
    }

    [Fact]
    public void Render_Narrow_WrapsOnlyTheTextColumnsAtSpaces()
    {
        var table = new TextTable(new("model"), TextColumn.Text("description"))
            .AddRow("demo/mnist", "Handwritten-digit classifier (ONNX model zoo MNIST CNN), the grid's demonstration model.");

        var text = table.Render(40);

        Assert.Equal(
            "model       description\n"
            + "demo/mnist  Handwritten-digit classifier\n"
            + "            (ONNX model zoo MNIST CNN),\n"
            + "            the grid's demonstration\n"
            + "            model.\n",
            text);
    }

    [Fact]
    public void Render_TooNarrowForAValue_IsWiderRatherThanSplittingIt()
    {
        const string Source = "https://example.org/c_cxx/MNIST/mnist.onnx";
        var table = new TextTable(new("file"), new("sha256"), TextColumn.Text("source"))
            .AddRow("mnist.onnx", Digest, Source + " (pinned)");

        var text = table.Render(80);

        Assert.Equal(
            "file        sha256" + new string(' ', 60) + "source\n"
            + $"mnist.onnx  {Digest}  {Source}\n"
            + new string(' ', 78) + "(pinned)\n",
            text);
    }

    [Fact]
    public void Render_TwoTextColumns_TheWidestGivesFirst()
    {
        var table = new TextTable(TextColumn.Text("by"), TextColumn.Text("why"))
            .AddRow("alice and bob", "moved back after the regression in the fairness suite");

        // 13 + 2 + 53 = 68 columns; at 40 only "why" is narrowed, to 25, while it is the wider.
        Assert.Equal(
            "by             why\n"
            + "alice and bob  moved back after the\n"
            + "               regression in the\n"
            + "               fairness suite\n",
            table.Render(40));

        // At 24 both give way, one column at a time, to 11 each: "why" down to the width of "by", then both in turn.
        Assert.Equal(
            "by           why\n"
            + "alice and    moved back\n"
            + "bob          after the\n"
            + "             regression\n"
            + "             in the\n"
            + "             fairness\n"
            + "             suite\n",
            table.Render(24));
    }

    [Fact]
    public void AddRow_TabsAndNulls_AreSpacesAndEmptyCells()
    {
        var table = new TextTable(new("a"), new("b"), new("c"))
            .AddRow("x\ty", null);

        Assert.Equal("a    b  c\nx y\n", table.Render());
    }

    [Fact]
    public void Render_MultiLineCells_KeepTheirLinesInTheirColumn()
    {
        var table = new TextTable(new("metric"), new("v1"), new("v2"))
            .AddRow("accuracy", "0.6773\n[0.6663, 0.6882]", "0.6742\n[0.6634, 0.6853]");

        Assert.Equal(
            "metric    v1                v2\n"
            + "accuracy  0.6773            0.6742\n"
            + "          [0.6663, 0.6882]  [0.6634, 0.6853]\n",
            table.Render());
    }

    [Fact]
    public void AddSpanningRow_ItsLastCellRunsOnWithoutWideningItsColumn()
    {
        var table = new TextTable(new("group"), TextColumn.Number("n"), new("selection rate"), new("accuracy"))
            .AddRow("Caucasian", "2,454", "0.2300 [0.2100, 0.2500]", "0.6700 [0.6500, 0.6900]")
            .AddSpanningRow("Asian, Female", "2", "n = 2, below the minimum of 30: not reported");

        // The reason is longer than the selection-rate column; the column keeps the width of its figures.
        Assert.Equal(
            "group              n  selection rate           accuracy\n"
            + "Caucasian      2,454  0.2300 [0.2100, 0.2500]  0.6700 [0.6500, 0.6900]\n"
            + "Asian, Female      2  n = 2, below the minimum of 30: not reported\n",
            table.Render());
    }

    [Fact]
    public void AddRow_MoreCellsThanColumns_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TextTable(new TextColumn("a")).AddRow("1", "2"));
    }

    [Theory]
    [InlineData("one two three", 7, new[] { "one two", "three" })]
    [InlineData("averyveryverylongword x", 5, new[] { "averyveryverylongword", "x" })]
    [InlineData("kept\nbreaks", 80, new[] { "kept", "breaks" })]
    public void Wrap_BreaksAtSpacesOnly(string text, int width, string[] expected)
    {
        Assert.Equal(expected, TextTable.Wrap(text, width));
    }
}
