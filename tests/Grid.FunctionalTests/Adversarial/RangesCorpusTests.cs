namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>Malformed ranges and conditional headers (<see cref="HostileInputs.Ranges"/>).</summary>
[Collection(AdversarialCorpus.Name)]
public sealed class RangesCorpusTests(AdversarialGrid grid)
{
    public static TheoryData<string> Cases() => HostileCase.Names(HostileInputs.Ranges);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task HostileRange_OnAPublishedFile_IsAnsweredWithExactlyTheRfcBytes(string name) => HostileCase.RunAsync(grid, HostileInputs.Ranges, name);
}
