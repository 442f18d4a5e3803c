namespace ModelGrid.Evaluation.Runtime;

/// <summary>
/// The half-open range [<paramref name="Min"/>, <paramref name="Max"/>) generated values of a numeric input are drawn
/// from; integer inputs draw whole numbers in it (at least <c>ceil(Min)</c>).
/// </summary>
public sealed record ValueRange(double Min, double Max)
{
    /// <summary>[0, 1), the range of inputs no range is declared for.</summary>
    public static ValueRange Unit { get; } = new(0, 1);
}
