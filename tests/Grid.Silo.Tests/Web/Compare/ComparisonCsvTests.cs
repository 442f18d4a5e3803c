using ModelGrid.Evaluation.Comparison;
using ModelGrid.Evaluation.Running;
using ModelGrid.Formats;
using ModelGrid.Silo.Web.Compare;

namespace ModelGrid.Silo.Tests.Web.Compare;

public sealed class ComparisonCsvTests
{
    private static readonly ComparisonReport Report = new(
        "compas-recidivism", new string('a', 64), 1, [1, 2], 1000, 7, 0.95,
        [
            new(null, "accuracy", [Figure(1, 0.6612, 0.65, 0.672), new(2, Value(0.1 + 0.2, 0.29, 0.31), Value(-0.0371, -0.05, -0.02), true)]),
            new("race", "group[Asian].false_positive_rate", [new(1, null, null, null), new(2, null, null, null)], "n = 12, below the minimum of 30: not reported"),
            new("sex, \"x\"", "=HYPERLINK(\"x\")", [Figure(1, double.NaN, double.NaN, double.NaN), new(2, Value(0.5, 0.4, 0.6), Value(0.01, -0.01, 0.03), false)]),
        ]);

    [Fact]
    public void Render_EveryMetricAndVersion_OneRowWithTheReportsNumbersExactly()
    {
        var rows = Read(ComparisonCsv.Render(Report));

        Assert.Equal(ComparisonCsv.Columns, rows[0]);
        Assert.Equal(1 + 6, rows.Count);
        var accuracy2 = rows[2];
        Assert.Equal(["", "accuracy", "2", "1"], accuracy2[..4]);
        // 0.1 + 0.2 is 0.30000000000000004: the text reads back to the same double, not a rounded one.
        Assert.Equal(0.1 + 0.2, ComparisonCsv.ParseNumber(accuracy2[4]));
        Assert.Equal(-0.0371, ComparisonCsv.ParseNumber(accuracy2[7]));
        Assert.Equal(-0.05, ComparisonCsv.ParseNumber(accuracy2[8]));
        Assert.Equal("true", accuracy2[10]);
        Assert.Equal(["", "", "", ""], rows[1][7..11]);
    }

    [Fact]
    public void Render_NotReportedAndUndefined_EmptyAndNaN()
    {
        var rows = Read(ComparisonCsv.Render(Report));

        var asian = rows[3];
        Assert.Equal("race", asian[0]);
        Assert.Equal(["", "", ""], asian[4..7]);
        Assert.Equal("n = 12, below the minimum of 30: not reported", asian[11]);
        var undefined = rows[5];
        Assert.Equal("NaN", undefined[4]);
        Assert.True(double.IsNaN(ComparisonCsv.ParseNumber(undefined[4])!.Value));
    }

    [Fact]
    public void Render_QuotesCommasAndFormulas_QuotedAndDefused()
    {
        var rows = Read(ComparisonCsv.Render(Report));

        Assert.Equal("sex, \"x\"", rows[5][0]);
        Assert.Equal("'=HYPERLINK(\"x\")", rows[5][1]);
        Assert.Equal("false", rows[6][10]);
        // A negative number is a number, not a formula: it is never prefixed.
        Assert.Equal("-0.01", rows[6][8]);
    }

    [Fact]
    public void Render_LineEnds_Crlf()
    {
        var text = ComparisonCsv.Render(Report);

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.Equal(7, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static List<string[]> Read(string csv)
    {
        var reader = new CsvRecordReader(csv, new CsvDialect(), "comparison.csv");
        var rows = new List<string[]>();
        while (reader.MoveNext())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.Field(i).ToString())]);
        }

        return rows;
    }

    private static MetricValue Value(double value, double low, double high) => new("m", value, low, high, 1000, 0);

    private static VersionFigure Figure(int version, double value, double low, double high) => new(version, Value(value, low, high), null, null);
}
