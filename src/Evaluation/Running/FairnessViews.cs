using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Running;

/// <summary>The fairness views of a bias suite: one per sensitive feature, one per declared intersection.</summary>
internal static class FairnessViews
{
    public static IReadOnlyList<FairnessView> Compute(SuiteSpec spec, SuiteData data, int[] predicted, BootstrapOptions bootstrap, List<string> warnings)
    {
        var fairness = spec.Fairness!;
        var codes = fairness.Sensitive.ToDictionary(s => s.Column, data.LevelCodes, StringComparer.Ordinal);
        var views = fairness.Views();
        var result = new List<FairnessView>(views.Count);
        foreach (var features in views)
        {
            var view = Compute(features, codes, data.Labels, predicted, fairness, bootstrap);
            warnings.AddRange(view.Warnings.Select(w => $"{view.Name}: {w}"));
            result.Add(view);
        }

        return result;
    }

    private static FairnessView Compute(
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
        var rows = report.Groups.Select(g =>
        {
            var prefix = $"group[{g.Key.Name}].";
            var rates = intervals.Intervals
                .Where(i => i.Metric.StartsWith(prefix, StringComparison.Ordinal))
                .Select(i => SuiteRunner.Value(i, i.Metric[prefix.Length..]))
                .ToList();
            return new GroupRow(
                g.Key.Name, g.Counts.Count, g.Counts.Positives, g.Counts.TruePositives, g.Counts.FalsePositives,
                g.Counts.FalseNegatives, g.Counts.TrueNegatives, g.InDisparity, rates);
        }).ToList();
        var disparities = intervals.Intervals
            .Where(i => !i.Metric.StartsWith("group[", StringComparison.Ordinal) && !i.Metric.StartsWith("overall.", StringComparison.Ordinal))
            .Select(i => SuiteRunner.Value(i, i.Metric))
            .ToList();
        var warnings = report.Warnings.Select(w => w.Message).Concat(intervals.Warnings.Select(w => w.Message)).Distinct(StringComparer.Ordinal).ToList();
        return new FairnessView(
            FairnessSpec.ViewName(features),
            [.. features.Select(f => f.Column)],
            privileged is null ? null : string.Join(", ", privileged),
            rows,
            disparities,
            warnings);
    }
}
