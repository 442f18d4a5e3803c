namespace ModelGrid.ClusterTests.Cluster;

/// <summary>What a scenario measured, printed with every run (diagnostic messages) so the numbers are on record.</summary>
public static class Outcome
{
    public static void Report(string scenario, params (string Name, object Value)[] measures)
    {
        var line = $"[cluster] {scenario}: {string.Join(", ", measures.Select(m => $"{m.Name} {m.Value}"))}";
        TestContext.Current.SendDiagnosticMessage(line);
        TestContext.Current.TestOutputHelper?.WriteLine(line);
    }
}
