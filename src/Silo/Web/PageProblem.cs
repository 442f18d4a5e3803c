namespace ModelGrid.Silo.Web;

/// <summary>Why a page shows a message instead of what was asked for: the status it answers with, a title and what to do.</summary>
/// <param name="Status">The HTTP status of the page.</param>
/// <param name="Title">The heading.</param>
/// <param name="Detail">One or two sentences.</param>
public sealed record PageProblem(int Status, string Title, string Detail);
