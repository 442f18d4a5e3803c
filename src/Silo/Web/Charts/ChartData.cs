namespace ModelGrid.Silo.Web.Charts;

/// <summary>What a comparison chart draws: one metric for each group and version.</summary>
/// <param name="Id">The SVG element's id (<c>chart-bars</c>, <c>chart-lines</c>); prefixes every id inside it.</param>
/// <param name="Title">The chart's title, read out by screen readers and shown as a tooltip.</param>
/// <param name="Description">A longer description of what the chart shows.</param>
/// <param name="Metric">The metric drawn (its name as the API reports it).</param>
/// <param name="Groups">The groups, in the order drawn.</param>
/// <param name="Versions">The versions, in the order drawn.</param>
/// <param name="Values">The figures; a group and version without one is drawn as missing.</param>
public sealed record ChartData(
    string Id,
    string Title,
    string Description,
    string Metric,
    IReadOnlyList<string> Groups,
    IReadOnlyList<int> Versions,
    IReadOnlyList<ChartValue> Values)
{
    /// <summary>The figure of <paramref name="group"/> for <paramref name="version"/>, or null.</summary>
    /// <param name="group">The group.</param>
    /// <param name="version">The version.</param>
    public ChartValue? Find(string group, int version) =>
        Values.FirstOrDefault(v => v.Version == version && string.Equals(v.Group, group, StringComparison.Ordinal));

    /// <summary>Every finite number the chart draws: estimates and interval ends.</summary>
    public IEnumerable<double> DrawnNumbers()
    {
        foreach (var value in Values)
        {
            if (value.Drawn is { } v)
            {
                yield return v;
            }

            if (value.Interval is { } interval)
            {
                yield return interval.Low;
                yield return interval.High;
            }
        }
    }
}
