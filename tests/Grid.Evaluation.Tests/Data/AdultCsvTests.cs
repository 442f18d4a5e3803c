using ModelGrid.Evaluation.Data;
using static ModelGrid.Evaluation.Tests.Data.DataFixtures;

namespace ModelGrid.Evaluation.Tests.Data;

/// <summary>The UCI Adult test split, read in place: no header, ", " separators, "?" missing, a trailing blank line.</summary>
public sealed class AdultCsvTests
{
    private static readonly Lazy<CsvTable> Table = new(() => CsvTable.Read(AdultTestPath, AdultOptions));

    [Fact]
    public void Read_AdultTest_HasEveryRowAndTheGivenNames()
    {
        Assert.Equal(16_281, Table.Value.RowCount);
        Assert.Equal(AdultColumns, Table.Value.ColumnNames);
        Assert.Equal(16_281, Table.Value.SourceLine(16_280));
    }

    [Fact]
    public void Read_AdultTest_FirstAndLastRowsAreTrimmed()
    {
        string?[] first = ["25", "Private", "226802", "11th", "7", "Never-married", "Machine-op-inspct", "Own-child", "Black", "Male", "0", "0", "40", "United-States", "<=50K."];
        string?[] last = ["35", "Self-emp-inc", "182148", "Bachelors", "13", "Married-civ-spouse", "Exec-managerial", "Husband", "White", "Male", "0", "0", "60", "United-States", ">50K."];

        Assert.Equal(first, Enumerable.Range(0, 15).Select(c => Table.Value.Column(c)[0]));
        Assert.Equal(last, Enumerable.Range(0, 15).Select(c => Table.Value.Column(c)[16_280]));
    }

    [Fact]
    public void Read_AdultTest_IncomeAndSexCounts()
    {
        Assert.Equal(3_846, Table.Value.Column("income").Count(v => v == ">50K."));
        Assert.Equal(12_435, Table.Value.Column("income").Count(v => v == "<=50K."));
        Assert.Equal(10_860, Table.Value.Column("sex").Count(v => v == "Male"));
        Assert.Equal(5_421, Table.Value.Column("sex").Count(v => v == "Female"));
    }

    [Fact]
    public void Read_AdultTest_QuestionMarksAreMissing()
    {
        Assert.Equal(963, Table.Value.Column("workclass").Count(v => v is null));
        Assert.Equal(966, Table.Value.Column("occupation").Count(v => v is null));
        Assert.Equal(274, Table.Value.Column("native-country").Count(v => v is null));
        Assert.Equal(963 + 966 + 274, Enumerable.Range(0, 15).Sum(c => Table.Value.Column(c).Count(v => v is null)));
        Assert.DoesNotContain(Enumerable.Range(0, 15).SelectMany(Table.Value.Column), v => v is "?" || v?.Trim() != v);
    }

    [Fact]
    public void NumericColumn_AdultTest_SumsMatchTheFile()
    {
        Assert.Equal(631_173, Table.Value.NumericColumn("age").Sum());
        Assert.Equal(3_084_202_270, Table.Value.NumericColumn("fnlwgt").Sum());
        Assert.Equal(657_626, Table.Value.NumericColumn("hours-per-week").Sum());
    }

    [Fact]
    public void NumericColumn_AdultTextColumn_ThrowsNamingTheFirstRow()
    {
        var error = Assert.Throws<DatasetFormatException>(() => Table.Value.NumericColumn("workclass"));

        Assert.Equal($"{AdultTestPath} line 1: column 'workclass', row 1: 'Private' is not a number", error.Message);
    }
}
