using ModelGrid.Grains.Models;

namespace ModelGrid.Grains.Tests.Models;

public sealed class ModelMetadataRulesTests
{
    [Theory]
    [InlineData("MIT", true)]
    [InlineData("Apache-2.0", true)]
    [InlineData("GPL-2.0+", true)]
    [InlineData("MIT OR Apache-2.0", true)]
    [InlineData("(MIT AND BSD-3-Clause) OR CC-BY-4.0", true)]
    [InlineData("GPL-2.0-only WITH Classpath-exception-2.0", true)]
    [InlineData("LicenseRef-my-terms", true)]
    [InlineData("", false)]
    [InlineData("MIT OR", false)]
    [InlineData("OR MIT", false)]
    [InlineData("(MIT", false)]
    [InlineData("MIT)", false)]
    [InlineData("MIT Apache-2.0", false)]
    [InlineData("MIT/Apache", false)]
    public void IsSpdxExpression_Syntax(string expression, bool valid)
    {
        Assert.Equal(valid, ModelMetadataRules.IsSpdxExpression(expression));
    }
}
