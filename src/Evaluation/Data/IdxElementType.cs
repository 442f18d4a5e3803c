namespace ModelGrid.Evaluation.Data;

/// <summary>The element type of an IDX file, as coded in the third byte of its magic number.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The IDX format's own names for its element types.")]
public enum IdxElementType
{
    /// <summary>Unsigned 8-bit integers (MNIST images and labels).</summary>
    UnsignedByte = 0x08,

    /// <summary>Signed 8-bit integers.</summary>
    SignedByte = 0x09,

    /// <summary>Big-endian signed 16-bit integers.</summary>
    Short = 0x0B,

    /// <summary>Big-endian signed 32-bit integers.</summary>
    Int = 0x0C,

    /// <summary>Big-endian IEEE 754 single-precision floats.</summary>
    Float = 0x0D,

    /// <summary>Big-endian IEEE 754 double-precision floats.</summary>
    Double = 0x0E,
}
