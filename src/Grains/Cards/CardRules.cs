using ModelGrid.Cards;
using ModelGrid.Hub;

namespace ModelGrid.Grains.Cards;

/// <summary>The grains' check of a card they are given: a card that does not parse is an invalid request.</summary>
public static class CardRules
{
    /// <summary>Parses <paramref name="card"/>; a <see cref="HubException"/> (invalid) says what is wrong and where.</summary>
    /// <param name="card">The card text.</param>
    public static ModelCard Check(string card)
    {
        try
        {
            return ModelCard.Parse(card);
        }
        catch (ModelCardException e)
        {
            throw HubException.Invalid(e.Message);
        }
    }
}
