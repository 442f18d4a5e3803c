namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>Malformed, oversized and mismatched ONNX files submitted for evaluation (<see cref="HostileInputs.Onnx"/>).</summary>
[Collection(AdversarialCorpus.Name)]
public sealed class OnnxCorpusTests(AdversarialGrid grid)
{
    public static TheoryData<string> Cases() => HostileCase.Names(HostileInputs.Onnx);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task HostileModel_Evaluated_FailsWithAClearReason_AndTheWorkerRunsTheNextJob(string name) => HostileCase.RunAsync(grid, HostileInputs.Onnx, name);
}
