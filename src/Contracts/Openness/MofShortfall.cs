namespace ModelGrid.Openness;

/// <summary>A component that keeps the release from the next class, and why.</summary>
/// <param name="Component">The component's name.</param>
/// <param name="Reason">One line: not included, no licence, or a licence that is not open (named).</param>
public sealed record MofShortfall(string Component, string Reason);
