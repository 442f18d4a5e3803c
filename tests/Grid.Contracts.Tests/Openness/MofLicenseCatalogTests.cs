using ModelGrid.Openness;

namespace ModelGrid.Contracts.Tests.Openness;

public sealed class MofLicenseCatalogTests
{
    [Fact]
    public void IsOpen_EveryKnownId_MatchesMotsEffectiveTable()
    {
        var rows = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(MotData.ModelFile("x"))!, "..", "schema", "mot_effective_license_table.csv"))
            .Skip(1).Select(l => l.Split(',')).ToList();
        var catalog = MotData.Catalog;
        var wrong = rows.Where(r =>
                catalog.IsOpen(r[0]) != (r[1] == "1")
                || catalog.IsTypeAppropriate(r[0], MofContentType.Code) != (r[6] == "1")
                || catalog.IsTypeAppropriate(r[0], MofContentType.Data) != (r[7] == "1")
                || catalog.IsTypeAppropriate(r[0], MofContentType.Document) != (r[8] == "1"))
            .Select(r => r[0]).ToList();

        Assert.Empty(wrong);
        Assert.Equal(661, rows.Count);
        Assert.Equal(226, rows.Count(r => catalog.IsOpen(r[0])));
        Assert.Equal("d8abdb0+cca0be7", catalog.Version);
    }

    [Theory]
    [InlineData("Apache-2.0", true)]
    [InlineData("apache-2.0", false)]
    [InlineData("Apache-2.0 OR MIT", false)]
    [InlineData("OpenMDW-1.0", true)]
    [InlineData("OpenMDW-1.1", false)]
    [InlineData("ODC-PDDL-1.0", true)]
    [InlineData("PDDL-1.0", false)]
    [InlineData("unlicensed", false)]
    [InlineData("llama3.1", false)]
    public void IsOpen_ExactCaseSensitiveIds_AsMotDecides(string license, bool open) =>
        Assert.Equal(open, MotData.Catalog.IsOpen(license));

    [Fact]
    public void IsTypeAppropriate_Cc0_IsDocumentOnlyBecauseTheLaterEntryWins()
    {
        Assert.True(MotData.Catalog.IsTypeAppropriate("CC0-1.0", MofContentType.Document));
        Assert.False(MotData.Catalog.IsTypeAppropriate("CC0-1.0", MofContentType.Data));
    }

    [Fact]
    public void Parse_NotALicenceList_ThrowsNamingTheFile()
    {
        var e = Assert.Throws<OpennessFormatException>(() => MofLicenseCatalog.Parse("{\"licenses\": []}", "{\"other\": 1}"));
        Assert.Equal("mof-licenses.json is not a licence list: it has no 'licenses' array", e.Message);
    }
}
