using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Running;

/// <summary>The fairness views of a bias suite: one per sensitive feature, one per declared intersection.</summary>
internal static class FairnessViews
{
    public static IReadOnlyList<FairnessView> Compute(SuiteSpec spec, SuiteData data, int[] predicted, BootstrapOptions bootstrap, List<MetricWarning> warnings)
    {
        var fairness = spec.Fairness!;
        var codes = fairness.Sensitive.ToDictionary(s => s.Column, data.LevelCodes, StringComparer.Ordinal);
        var views = fairness.Views();
        var result = new List<FairnessView>(views.Count);
        foreach (var features in views)
        {
            var (view, viewWarnings) = Compute(features, codes, data.Labels, predicted, fairness, bootstrap);
            warnings.AddRange(viewWarnings.Select(w => w with { Message = $"{view.Name}: {w.Message}" }));
            result.Add(view);
        }

        return result;
    }

    /// <summary>Which prediction each family of metrics counts, as the suite declares it.</summary>
    public static FairnessOutcomes Outcomes(SuiteSpec spec)
    {
        var label = spec.Data.Label!;
        return new FairnessOutcomes(label.Column, label.Positive, label.Negative, spec.Fairness!.Favourable, spec.Fairness.FavourableMeaning);
    }

    private static (FairnessView View, List<MetricWarning> Warnings) Compute(
        IReadOnlyList<SensitiveSpec> features,
        Dictionary<string, int[]> codes,
        int[] labels,
        int[] predicted,
        FairnessSpec fairness,
        BootstrapOptions bootstrap)
    {
        var groups = GroupIndex.Create([.. features.Select(f => new SensitiveFeature(f.Column, codes[f.Column], f.Levels))]);
        var options = fairness.OptionsFor(features);
        var privileged = options.PrivilegedGroup;
        var counts = GroupedConfusion.Count(labels, predicted, groups);
        var report = FairnessMetrics.Evaluate(counts, options);
        var intervals = Bootstrap.Fairness(counts, options, bootstrap);

        // A group below the minimum size is reported by its counts and the reason only: its rates, their intervals and
        // their warnings would be read as findings, and on 2 rows they are none.
        var unreported = report.Groups.Where(g => !g.InDisparity).Select(g => g.Key.Name).ToHashSet(StringComparer.Ordinal);
        var minimum = report.MinimumGroupSize;
        var rows = report.Groups.Select(g =>
        {
            var prefix = $"group[{g.Key.Name}].";
            var rates = g.InDisparity
                ? intervals.Intervals
                    .Where(i => i.Metric.StartsWith(prefix, StringComparison.Ordinal))
                    .Select(i => SuiteRunner.Value(i, i.Metric[prefix.Length..]))
                    .ToList()
                : [];
            return new GroupRow(
                g.Key.Name, g.Counts.Count, g.Counts.Positives, g.Counts.TruePositives, g.Counts.FalsePositives,
                g.Counts.FalseNegatives, g.Counts.TrueNegatives, g.InDisparity, rates,
                g.InDisparity ? null : SmallGroups.NotReportedReason(g.Counts.Count, minimum));
        }).ToList();
        var disparities = intervals.Intervals
            .Where(i => !i.Metric.StartsWith("group[", StringComparison.Ordinal) && !i.Metric.StartsWith("overall.", StringComparison.Ordinal))
            .Select(i => SuiteRunner.Value(i, i.Metric))
            .ToList();
        var warnings = report.Warnings
            .Where(w => w.Kind is MetricWarningKind.SmallGroup or MetricWarningKind.EmptyGroup || !unreported.Contains(w.Subject))
            .Concat(intervals.Warnings.Where(w => !unreported.Any(g => w.Subject.StartsWith($"group[{g}].", StringComparison.Ordinal))))
            .DistinctBy(w => w.Message, StringComparer.Ordinal)
            .ToList();
        var view = new FairnessView(
            FairnessSpec.ViewName(features),
            [.. features.Select(f => f.Column)],
            privileged is null ? null : string.Join(", ", privileged),
            rows,
            disparities,
            [.. warnings.Select(w => w.Message)]);
        return (view, warnings);
    }
}
