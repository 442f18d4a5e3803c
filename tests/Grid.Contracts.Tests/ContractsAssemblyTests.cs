using System.Reflection;

namespace ModelGrid.Contracts.Tests;

/// <summary>Grid.Contracts is what a client and a web page can carry: no engine, no Orleans, no Azure.</summary>
public sealed class ContractsAssemblyTests
{
    private static readonly Assembly Contracts = typeof(ModelId).Assembly;

    [Fact]
    public void GetReferencedAssemblies_Contracts_NoOnnxRuntimeOrleansOrAzure()
    {
        var forbidden = Contracts.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Microsoft.ML.OnnxRuntime", StringComparison.Ordinal)
                || n.StartsWith("Orleans", StringComparison.Ordinal)
                || n.StartsWith("Azure", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.Identity", StringComparison.Ordinal)
                || n.StartsWith("Grid.", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(forbidden);
    }

    [Fact]
    public void GetTypes_Contracts_NoOrleansGeneratedCode()
    {
        Assert.DoesNotContain(Contracts.GetTypes(), t => t.Namespace?.StartsWith("OrleansCodeGen", StringComparison.Ordinal) == true);
    }
}
