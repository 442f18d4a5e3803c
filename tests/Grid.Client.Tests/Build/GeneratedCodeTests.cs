using System.Reflection;
using ModelGrid.Client.Http;
using ModelGrid.Evaluation.Running;

namespace ModelGrid.Client.Tests.Build;

/// <summary>Orleans' code generator runs only in the projects that declare grains or Orleans-serialized types.</summary>
public sealed class GeneratedCodeTests
{
    public static TheoryData<string> Assemblies => new() { "Grid.Client", "Grid.Evaluation", "Grid.Contracts" };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void GetTypes_ClientEngineAndContracts_NoOrleansGeneratedCode(string name)
    {
        var assembly = new[] { typeof(GridClient).Assembly, typeof(SuiteRunner).Assembly, typeof(ModelId).Assembly }.Single(a => a.GetName().Name == name);

        Assert.DoesNotContain(assembly.GetTypes(), t => t.Namespace?.StartsWith("OrleansCodeGen", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(assembly.GetCustomAttributes(), a => a.GetType().FullName == "Orleans.ApplicationPartAttribute");
    }

    [Fact]
    public void GetTypes_Abstractions_HasOrleansGeneratedCode()
    {
        // The check above can see generated code: the grain contract has it.
        var abstractions = typeof(Evaluations.IEvaluationJobGrain).Assembly;

        Assert.Contains(abstractions.GetTypes(), t => t.Namespace?.StartsWith("OrleansCodeGen", StringComparison.Ordinal) == true);
    }
}
