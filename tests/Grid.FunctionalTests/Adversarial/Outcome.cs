namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>
/// The answer a case expects: its status (0: none) and, for an error, the problem's title (null: any non-empty title).
/// </summary>
public sealed record Outcome(int Status, string? Title = null)
{
    public static readonly Outcome InvalidToken = new(401, "Invalid token");
    public static readonly Outcome NeedsToken = new(401, "Authentication required");
    public static readonly Outcome Forbidden = new(403, "Forbidden");
    public static readonly Outcome Invalid = new(400, "Invalid request");

    /// <summary>The server closes the connection without an answer (Kestrel, when the client ends its side mid-body).</summary>
    public static readonly Outcome NoAnswer = new(0);

    public static Outcome Ok(int status = 200) => new(status);

    public override string ToString() => Title is null ? Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Status} {Title}";
}
