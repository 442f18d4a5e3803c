using System.Globalization;

namespace ModelGrid.Evaluation.Metrics;

/// <summary>Turns the flat vector of <see cref="FairnessStatistic"/> into a <see cref="FairnessReport"/> with its warnings.</summary>
internal static class FairnessReportBuilder
{
    public static FairnessReport Build(GroupedConfusion counts, FairnessOptions options, FairnessStatistic statistic, ReadOnlySpan<double> values)
    {
        var warnings = new List<MetricWarning>();
        var minimum = options.EffectiveMinimumGroupSize;
        var groups = new GroupResult[statistic.GroupCount];
        for (var g = 0; g < groups.Length; g++)
        {
            var key = counts.Groups.Groups[g];
            var groupCounts = counts[g];
            groups[g] = new GroupResult(
                key,
                groupCounts,
                BinaryRates.FromValues(values.Slice(FairnessStatistic.GroupOffset(g), RateMath.RateCount)),
                statistic.InDisparity(g));
            AddGroupWarnings(warnings, $"group '{key.Name}'", key.Name, groupCounts, minimum, options.ZeroDivision);
        }

        var overallCounts = counts.Overall;
        AddGroupWarnings(warnings, "all rows", "overall", overallCounts, 0, options.ZeroDivision);

        var disparities = new RateDisparity[RateMath.RateCount];
        for (var r = 0; r < disparities.Length; r++)
        {
            var rate = (BinaryRate)r;
            var a = values.Slice(statistic.AggregateOffset(rate), 6);
            disparities[r] = new RateDisparity(rate, a[0], a[1], a[2], a[3], a[4], a[5]);
            if (double.IsNaN(a[2]))
            {
                warnings.Add(new MetricWarning(
                    MetricWarningKind.UndefinedDisparity,
                    MetricNames.Of(rate),
                    $"Disparities of {MetricNames.Of(rate)} between groups are undefined: fewer than two groups taking part have a defined value."));
            }
        }

        return new FairnessReport(
            options.ZeroDivision,
            minimum,
            overallCounts,
            BinaryRates.FromValues(values),
            groups,
            disparities,
            Named(values, statistic, DisparityMethod.BetweenGroups),
            Named(values, statistic, DisparityMethod.ToOverall),
            Privileged(counts, statistic, values, minimum, warnings),
            warnings);
    }

    private static FairlearnDisparities Named(ReadOnlySpan<double> values, FairnessStatistic statistic, DisparityMethod method)
    {
        var v = values.Slice(statistic.NamedOffset(method), 8);
        return new FairlearnDisparities(method, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    private static PrivilegedComparison? Privileged(
        GroupedConfusion counts, FairnessStatistic statistic, ReadOnlySpan<double> values, int minimum, List<MetricWarning> warnings)
    {
        if (!statistic.HasPrivileged)
        {
            return null;
        }

        var key = counts.Groups.Groups[statistic.Privileged];
        var privileged = counts[statistic.Privileged];
        var overall = counts.Overall;
        var unprivileged = new ConfusionCounts(
            overall.TruePositives - privileged.TruePositives,
            overall.FalsePositives - privileged.FalsePositives,
            overall.FalseNegatives - privileged.FalseNegatives,
            overall.TrueNegatives - privileged.TrueNegatives);
        if (!statistic.PrivilegedComparable)
        {
            warnings.Add(new MetricWarning(
                MetricWarningKind.UndefinedDisparity,
                "aif360",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"AIF360 metrics are undefined: the privileged group '{key.Name}' has {privileged.Count} rows and the rest {unprivileged.Count}; each needs at least {Math.Max(1, minimum)}.")));
        }

        var v = values.Slice(statistic.Aif360Offset, 5);
        return new PrivilegedComparison(key, statistic.Favourable, privileged, unprivileged, v[0], v[1], v[2], v[3], v[4]);
    }

    private static void AddGroupWarnings(
        List<MetricWarning> warnings, string label, string subject, ConfusionCounts counts, int minimum, ZeroDivisionPolicy policy)
    {
        // A group that is not reported gets this one warning: what its rates would show is no finding.
        if (SmallGroups.NotReportedReason(counts.Count, minimum) is { } reason)
        {
            warnings.Add(new MetricWarning(
                counts.Count == 0 ? MetricWarningKind.EmptyGroup : MetricWarningKind.SmallGroup,
                subject,
                $"The {label}: {reason}, and kept out of the disparities."));
            return;
        }

        Span<double> strict = stackalloc double[RateMath.RateCount];
        RateMath.Compute(counts.TruePositives, counts.FalsePositives, counts.FalseNegatives, counts.TrueNegatives, ZeroDivisionPolicy.NaN, strict);
        var undefined = new List<string>();
        for (var r = 0; r < RateMath.RateCount; r++)
        {
            if (double.IsNaN(strict[r]))
            {
                undefined.Add(MetricNames.Of((BinaryRate)r));
            }
        }

        var reasons = new List<string>();
        if (counts.Positives == 0)
        {
            reasons.Add("no actual positives");
        }

        if (counts.Negatives == 0)
        {
            reasons.Add("no actual negatives");
        }

        if (counts.PredictedPositives == 0)
        {
            reasons.Add("no predicted positives");
        }

        if (undefined.Count > 0)
        {
            var fairlearn = policy == ZeroDivisionPolicy.FairlearnCompat;
            warnings.Add(new MetricWarning(
                fairlearn ? MetricWarningKind.ZeroDivisionAsZero : MetricWarningKind.UndefinedMetric,
                subject,
                $"The {label}: {string.Join(", ", undefined)} {(fairlearn ? "reported as 0.0 (Fairlearn zero-division)" : "undefined")}: {string.Join(", ", reasons)}."));
        }

        if (counts.Positives == 0 || counts.Negatives == 0)
        {
            warnings.Add(new MetricWarning(
                MetricWarningKind.MissingClass,
                subject,
                $"The {label} has {(counts.Positives == 0 ? "no actual positives" : "no actual negatives")}: balanced_accuracy is the recall of the one class present (as sklearn)."));
        }
    }
}
