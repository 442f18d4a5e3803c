using System.Diagnostics.CodeAnalysis;

namespace ModelGrid.Evaluation.Runtime;

/// <summary>The element type of a model input or output, as far as the grid distinguishes them.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members name tensor element types; the type names are the domain here.")]
public enum TensorElementKind
{
    Float,
    Double,
    Int64,
    Int32,
    String,
    Bool,
    UInt8,

    /// <summary>Any other element type, or a value that is not a tensor (a map or a sequence).</summary>
    Other,
}
