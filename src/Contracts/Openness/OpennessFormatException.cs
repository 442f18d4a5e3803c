namespace ModelGrid.Openness;

/// <summary>An openness record or MOT file that cannot be accepted; the message says what is wrong and where, in one line.</summary>
public sealed class OpennessFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public OpennessFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="inner">The cause.</param>
    public OpennessFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
