namespace ModelGrid.Silo.Web;

/// <summary>One line of a diff.</summary>
/// <param name="Kind">Kept, added or removed.</param>
/// <param name="Text">The line, without its line break.</param>
public sealed record DiffLine(DiffLineKind Kind, string Text);
