namespace ModelGrid.Evaluation.Metrics;

/// <summary>One group: a level of each sensitive feature (one level for a single feature, a tuple for intersections).</summary>
/// <param name="Index">The group's position among the groups of its index.</param>
/// <param name="Levels">The level name of each feature, in feature order.</param>
public sealed record GroupKey(int Index, IReadOnlyList<string> Levels)
{
    /// <summary>The level names joined with ", " (for example "a, 8"); the name used in metric names and warnings.</summary>
    public string Name => string.Join(", ", Levels);

    /// <inheritdoc />
    public override string ToString() => Name;
}
