namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>Invalid and oversized JSON bodies (<see cref="HostileInputs.Bodies"/>).</summary>
[Collection(AdversarialCorpus.Name)]
public sealed class JsonCorpusTests(AdversarialGrid grid)
{
    public static TheoryData<string> Cases() => HostileCase.Names(HostileInputs.Bodies);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task HostileJson_Sent_IsAProblemAndWritesNothing(string name) => HostileCase.RunAsync(grid, HostileInputs.Bodies, name);
}
