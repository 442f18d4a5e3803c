namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>Hostile names, aliases, references and paths (<see cref="HostileInputs.Names"/>).</summary>
[Collection(AdversarialCorpus.Name)]
public sealed class NamesCorpusTests(AdversarialGrid grid)
{
    public static TheoryData<string> Cases() => HostileCase.Names(HostileInputs.Names);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task HostileName_Sent_IsAnsweredAsTheRulesSayAndWritesNothing(string name) => HostileCase.RunAsync(grid, HostileInputs.Names, name);
}
