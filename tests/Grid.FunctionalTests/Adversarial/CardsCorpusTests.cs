namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>Cards with markup, escapes and broken front matter (<see cref="HostileInputs.Cards"/>).</summary>
[Collection(AdversarialCorpus.Name)]
public sealed class CardsCorpusTests(AdversarialGrid grid)
{
    public static TheoryData<string> Cases() => HostileCase.Names(HostileInputs.Cards);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task HostileCard_Sent_IsKeptExactlyAndServedAsText_OrRefusedWritingNothing(string name) => HostileCase.RunAsync(grid, HostileInputs.Cards, name);
}
