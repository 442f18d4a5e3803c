namespace ModelGrid.Evaluation.Runtime;

/// <summary>A declared model input or output: its name, element type and shape, with -1 for dynamic or symbolic dimensions.</summary>
public sealed record TensorSpec(string Name, TensorElementKind ElementType, IReadOnlyList<long> Shape)
{
    /// <summary>Whether the first dimension (the batch) is dynamic.</summary>
    public bool HasDynamicBatch => Shape.Count > 0 && Shape[0] < 0;

    /// <summary>The shape as text, e.g. <c>[-1,1]</c>.</summary>
    public string ShapeText => Shapes.Format(Shape);
}
