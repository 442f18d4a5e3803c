namespace ModelGrid.Evaluation.Tests.Kinds;

/// <summary>The <c>mean-output</c> part of a test suite: which input to fill, with what, and how wide it is.</summary>
/// <param name="Input">The model input's name.</param>
/// <param name="Fill">The value every element of the input holds.</param>
/// <param name="Width">The input's second dimension (the first is a batch of 1).</param>
internal sealed record MeanOutputSection(string Input, double Fill, int Width);
