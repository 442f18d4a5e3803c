namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>Wrong sizes and digests on uploads (<see cref="HostileInputs.Uploads"/>).</summary>
[Collection(AdversarialCorpus.Name)]
public sealed class UploadsCorpusTests(AdversarialGrid grid)
{
    public static TheoryData<string> Cases() => HostileCase.Names(HostileInputs.Uploads);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task HostileUpload_Sent_IsRefusedWithoutDeclaringOrStoringAnything(string name) => HostileCase.RunAsync(grid, HostileInputs.Uploads, name);
}
