namespace ModelGrid.FunctionalTests.Processes;

/// <summary>The real silo reads every state record at start and says which are damaged, one line each and a summary.</summary>
public sealed class StateCheckAtStartTests(DamagedStateSiloFixture fixture) : IClassFixture<DamagedStateSiloFixture>
{
    [Fact]
    public async Task Start_OnAFolderWithADamagedRecord_LogsTheRecordAndASummary()
    {
        var summary = $"State check at start: 1 of 2 state records in folder {Path.Combine(fixture.DataPath, "state")} are damaged; their grains fail until the records are repaired or moved aside with 'grid admin check --quarantine'";

        await fixture.Silo.WaitForOutputAsync(summary, TimeSpan.FromSeconds(60));

        Assert.Contains($"State record {fixture.DamagedRecord} ends before its JSON is complete (truncated after 20 bytes)\n", fixture.Silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ghost%2Fwhole", fixture.Silo.Output, StringComparison.Ordinal);
        await fixture.Silo.WaitHealthyAsync(TimeSpan.FromSeconds(5));
    }
}
