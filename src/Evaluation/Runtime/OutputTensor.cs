namespace ModelGrid.Evaluation.Runtime;

/// <summary>One output of a run, its numeric elements converted to float (integer labels and booleans too), row-major.</summary>
public sealed record OutputTensor(string Name, long[] Shape, float[] Values);
