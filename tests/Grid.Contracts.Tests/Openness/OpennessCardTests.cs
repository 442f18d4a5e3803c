using ModelGrid.Openness;

namespace ModelGrid.Contracts.Tests.Openness;

public sealed class OpennessCardTests
{
    [Fact]
    public void WithSection_CardThatHasOne_ReplacesItAndKeepsItLast()
    {
        var card = "---\nlicense: MIT\n---\n# M\n\nText.\n";

        var once = OpennessCard.WithSection(card, OpennessCard.Heading + "\n\nold\n");
        var twice = OpennessCard.WithSection(once, OpennessCard.Heading + "\n\nnew\n");

        Assert.Equal("---\nlicense: MIT\n---\n# M\n\nText.\n\n" + OpennessCard.Heading + "\n\nnew\n", twice);
        Assert.Equal(card, OpennessCard.WithSection(twice, null));
    }
}
