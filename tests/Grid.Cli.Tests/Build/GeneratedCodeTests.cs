namespace ModelGrid.Client.Cli.Tests.Build;

/// <summary>Orleans' code generator does not run in the grid tool, which declares no grain or Orleans-serialized type.</summary>
public sealed class GeneratedCodeTests
{
    [Fact]
    public void GetTypes_GridTool_NoOrleansGeneratedCode()
    {
        var assembly = typeof(GridCli).Assembly;

        Assert.Equal("grid", assembly.GetName().Name);
        Assert.DoesNotContain(assembly.GetTypes(), t => t.Namespace?.StartsWith("OrleansCodeGen", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(assembly.GetCustomAttributes(false), a => a.GetType().FullName == "Orleans.ApplicationPartAttribute");
    }
}
