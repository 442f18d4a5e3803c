using ModelGrid.Grains.Cards;
using ModelGrid.Hub;

namespace ModelGrid.Grains.Tests.Cards;

public sealed class CardRulesTests
{
    [Fact]
    public void Check_BrokenFrontMatter_InvalidRequestWithTheParsersMessage()
    {
        var error = Assert.Throws<HubException>(() => CardRules.Check("---\ntags: onnx\n---\n"));

        Assert.Equal(HubErrorKind.Invalid, error.Kind);
        Assert.Equal("Invalid request", error.Title);
        Assert.Equal("the model card's 'tags' must be a list", error.Message);
    }

    [Fact]
    public void Check_ValidCard_ReturnsTheParsedCard()
    {
        var card = CardRules.Check("---\nlicense: mit\n---\n# Title\n");

        Assert.Equal("# Title\n", card.Body);
    }
}
