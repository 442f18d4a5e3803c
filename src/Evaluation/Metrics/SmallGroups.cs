using System.Globalization;

namespace ModelGrid.Evaluation.Metrics;

/// <summary>The one wording of why a group's rates are not reported, shared by warnings, reports and comparisons.</summary>
public static class SmallGroups
{
    /// <summary>
    /// "n = 2, below the minimum of 30: not reported", or "n = 0: no rows, not reported" when there is no minimum;
    /// null when a group of <paramref name="count"/> rows is reported.
    /// </summary>
    /// <param name="count">The group's rows.</param>
    /// <param name="minimum">The minimum group size in force (0: none).</param>
    public static string? NotReportedReason(long count, int minimum)
    {
        var n = count.ToString("N0", CultureInfo.InvariantCulture);
        if (count < minimum)
        {
            return string.Create(CultureInfo.InvariantCulture, $"n = {n}, below the minimum of {minimum:N0}: not reported");
        }

        return count == 0 ? "n = 0: no rows, not reported" : null;
    }
}
