namespace ModelGrid.Evaluation.Runtime;

/// <summary>A generated input of one batch size: its spec, concrete shape and elements.</summary>
internal sealed record GeneratedInput(TensorSpec Spec, long[] Shape, Array Data);
