namespace ModelGrid.Storage.Content;

/// <summary>Content did not match what was declared for it (size or SHA-256); it was not stored.</summary>
public sealed class ContentMismatchException(string message) : Exception(message)
{
    /// <summary>The content held more or fewer bytes than declared.</summary>
    /// <param name="declared">The declared size.</param>
    /// <param name="actual">The bytes received (at least, when more than declared).</param>
    /// <param name="atLeast">Whether <paramref name="actual"/> is a lower bound (reading stopped early).</param>
    public static ContentMismatchException Size(long declared, long actual, bool atLeast = false) =>
        new($"the content has {(atLeast ? "more than " : string.Empty)}{(atLeast ? declared : actual)} bytes, but {declared} were declared");

    /// <summary>The content's SHA-256 differs from the declared one.</summary>
    /// <param name="declared">The declared digest.</param>
    /// <param name="actual">The digest of the received bytes.</param>
    public static ContentMismatchException Digest(string declared, string actual) =>
        new($"the content's sha256 is {actual}, but {declared} was declared");
}
