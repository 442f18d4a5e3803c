namespace ModelGrid.Cards;

/// <summary>A card that cannot be accepted; the message says what is wrong and where, in one line.</summary>
public sealed class ModelCardException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the card.</param>
    public ModelCardException(string message)
        : base(message)
    {
    }
}
