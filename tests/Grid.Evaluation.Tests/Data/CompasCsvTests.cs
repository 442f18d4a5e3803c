using ModelGrid.Evaluation.Data;
using static ModelGrid.Evaluation.Tests.Data.DataFixtures;

namespace ModelGrid.Evaluation.Tests.Data;

/// <summary>ProPublica's COMPAS two-year file, read in place: a header with two duplicated names, quoted charges.</summary>
public sealed class CompasCsvTests
{
    private static readonly Lazy<CsvTable> Table = new(() => CsvTable.Read(CompasPath, new CsvReadOptions()));

    [Fact]
    public void Read_Compas_HasEveryRowAndColumn()
    {
        Assert.Equal(7_214, Table.Value.RowCount);
        Assert.Equal(49, Table.Value.ColumnNames.Count);
        Assert.Equal("id", Table.Value.ColumnNames[0]);
        Assert.Equal("two_year_recid", Table.Value.ColumnNames[48]);
        Assert.Equal(7_215, Table.Value.SourceLine(7_213));
    }

    [Fact]
    public void Read_Compas_DuplicatedHeadersKeptAndFirstWins()
    {
        var names = Table.Value.ColumnNames;

        Assert.Equal([7, 35], Enumerable.Range(0, names.Count).Where(i => names[i] == "decile_score"));
        Assert.Equal([10, 44], Enumerable.Range(0, names.Count).Where(i => names[i] == "priors_count"));
        Assert.Same(Table.Value.Column(7), Table.Value.Column("decile_score"));
        Assert.Same(Table.Value.Column(10), Table.Value.Column("priors_count"));
        Assert.Equal(32_532, Table.Value.NumericColumn("decile_score").Sum());
        Assert.Equal(25_050, Table.Value.NumericColumn("priors_count").Sum());
    }

    [Fact]
    public void Read_Compas_QuotedChargesKeepTheirCommasAndQuotes()
    {
        var values = Enumerable.Range(0, 49).SelectMany(Table.Value.Column).ToArray();

        Assert.Equal(112, values.Count(v => v?.Contains(',', StringComparison.Ordinal) == true));
        Assert.Equal(100, Table.Value.Column("c_charge_desc").Count(v => v?.Contains(',', StringComparison.Ordinal) == true));
        Assert.Equal(10, Table.Value.Column("c_charge_desc").Count(v => v == "Poss 3,4 MDMA (Ecstasy)"));
        Assert.Equal("Poss 3,4 MDMA (Ecstasy)", Table.Value.Column("c_charge_desc")[10]);
        Assert.Equal(["Poss Mot Veh Mfg \"ID\" Removed"], values.Where(v => v?.Contains('"', StringComparison.Ordinal) == true));
        Assert.Equal("7264", Table.Value.Column("id")[4_761]);
        Assert.Equal("Poss Mot Veh Mfg \"ID\" Removed", Table.Value.Column("r_charge_desc")[4_761]);
    }

    [Fact]
    public void Read_Compas_OutcomeAndRaceCounts()
    {
        Assert.Equal(3_251, Table.Value.NumericColumn("two_year_recid").Sum());
        Assert.Equal(3_696, Table.Value.Column("race").Count(v => v == "African-American"));
        Assert.Equal(2_454, Table.Value.Column("race").Count(v => v == "Caucasian"));
    }

    [Fact]
    public void NumericColumn_CompasEmptyValues_AreNaN()
    {
        var days = Table.Value.NumericColumn("days_b_screening_arrest");

        Assert.Equal(307, days.Count(double.IsNaN));
        Assert.Equal(22_826, days.Where(d => !double.IsNaN(d)).Sum());
    }
}
