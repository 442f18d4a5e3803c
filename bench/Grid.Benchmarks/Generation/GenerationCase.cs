namespace ModelGrid.Benchmarks.Generation;

/// <summary>One case: rows generated together and ONNX Runtime's intra-op threads.</summary>
public sealed record GenerationCase(int Batch, int Threads);
