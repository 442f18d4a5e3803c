namespace ModelGrid.Openness;

/// <summary>
/// How far a release is towards each class, in percent (MOT's figures, unrounded). A class's progress is 0 until every
/// less open class is met, and a class is met only at exactly 100.
/// </summary>
/// <param name="ClassI">Towards Class I (Open Science).</param>
/// <param name="ClassII">Towards Class II (Open Tooling).</param>
/// <param name="ClassIII">Towards Class III (Open Model).</param>
public sealed record MofProgress(double ClassI, double ClassII, double ClassIII)
{
    /// <summary>The progress towards a class (1, 2 or 3).</summary>
    public double For(int cls) => cls switch
    {
        1 => ClassI,
        2 => ClassII,
        3 => ClassIII,
        _ => throw new ArgumentOutOfRangeException(nameof(cls), cls, "a class is 1, 2 or 3"),
    };
}
