namespace ModelGrid.Evaluation.Language;

/// <summary>
/// One multiple-choice item: a context and the choices that may continue it, the index of the right one, and the
/// subset it reports under. A choice is scored as the continuation of the context exactly as written (a leading space
/// belongs to the choice: <c>" mom."</c>).
/// </summary>
public sealed record MultipleChoiceItem(string Id, string Subset, string Context, IReadOnlyList<string> Choices, int Answer);
