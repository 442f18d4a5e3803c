namespace ModelGrid.Evaluation.Suites;

/// <summary>The IDX files of a suite: one item per example (an image) and one label per example.</summary>
/// <param name="Items">The declared artifact holding the items.</param>
/// <param name="Labels">The declared artifact holding the labels.</param>
/// <param name="Scale">Each item value is multiplied by this before it reaches the model (1 for raw values).</param>
public sealed record IdxLayout(string Items, string Labels, double Scale);
