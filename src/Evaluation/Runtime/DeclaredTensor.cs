namespace ModelGrid.Evaluation.Runtime;

/// <summary>A graph input or initializer as the model file declares it.</summary>
/// <param name="Name">Its name.</param>
/// <param name="ElementType">ONNX's element type code (1 float, 7 int64, 8 string, …); 0 when not a tensor.</param>
/// <param name="Dims">The declared dimensions, -1 where symbolic or unknown; null when the rank is not declared.</param>
/// <param name="External">Whether its data live outside the model file.</param>
internal sealed record DeclaredTensor(string Name, int ElementType, IReadOnlyList<long>? Dims, bool External = false);
