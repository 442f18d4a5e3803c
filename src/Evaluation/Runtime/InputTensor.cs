using System.Diagnostics.CodeAnalysis;

namespace ModelGrid.Evaluation.Runtime;

/// <summary>
/// One named input of a run. <paramref name="Data"/> holds the elements in row-major order and is a
/// <c>float[]</c>, <c>double[]</c>, <c>long[]</c>, <c>int[]</c>, <c>string[]</c>, <c>bool[]</c> or <c>byte[]</c>
/// matching <paramref name="ElementType"/>.
/// </summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The factories are named after the element type they create, as TensorElementKind is.")]
public sealed record InputTensor(string Name, TensorElementKind ElementType, long[] Shape, Array Data)
{
    public static InputTensor Float(string name, float[] data, params long[] shape) => new(name, TensorElementKind.Float, shape, data);

    public static InputTensor Double(string name, double[] data, params long[] shape) => new(name, TensorElementKind.Double, shape, data);

    public static InputTensor String(string name, string[] data, params long[] shape) => new(name, TensorElementKind.String, shape, data);

    public static InputTensor Int64(string name, long[] data, params long[] shape) => new(name, TensorElementKind.Int64, shape, data);

    public static InputTensor Int32(string name, int[] data, params long[] shape) => new(name, TensorElementKind.Int32, shape, data);

    public static InputTensor Bool(string name, bool[] data, params long[] shape) => new(name, TensorElementKind.Bool, shape, data);

    public static InputTensor UInt8(string name, byte[] data, params long[] shape) => new(name, TensorElementKind.UInt8, shape, data);
}
