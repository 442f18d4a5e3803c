namespace ModelGrid.Storage.Tests.GrainStorage;

[GenerateSerializer]
public sealed class TestState
{
    [Id(0)] public string Text { get; set; } = string.Empty;

    [Id(1)] public int Count { get; set; }

    [Id(2)] public List<string> Items { get; set; } = [];
}
