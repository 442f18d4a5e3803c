using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Comparison;

/// <summary>
/// Compares versions evaluated on the same classification suite (accuracy or bias: <see cref="Kinds.ClassificationKind"/>) and rows. Each figure is the version's own (with its interval); each
/// delta comes from a paired bootstrap over the stored per-row predictions of the version and the baseline, so the
/// noise the two share is taken out, and a delta is significant when its interval excludes 0.
/// </summary>
public static class VersionComparison
{
    /// <summary>The overall figures compared for a binary suite.</summary>
    public static IReadOnlyList<BinaryRate> OverallRates { get; } =
        [BinaryRate.Accuracy, BinaryRate.BalancedAccuracy, BinaryRate.F1, BinaryRate.SelectionRate, BinaryRate.TruePositiveRate, BinaryRate.FalsePositiveRate, BinaryRate.FalseNegativeRate];

    /// <summary>The per-group rates compared in each fairness view.</summary>
    public static IReadOnlyList<BinaryRate> GroupRates { get; } =
        [BinaryRate.SelectionRate, BinaryRate.FalsePositiveRate, BinaryRate.FalseNegativeRate];

    /// <summary>The disparities compared in each fairness view.</summary>
    public static IReadOnlyList<string> Disparities => ReportedDisparities.Names;

    /// <summary>Compares <paramref name="versions"/> against the one numbered <paramref name="baseline"/>.</summary>
    /// <param name="suite">The suite all results come from.</param>
    /// <param name="data">The suite's rows (for the groups of each row).</param>
    /// <param name="versions">The versions' results, in the order to show them.</param>
    /// <param name="baseline">The baseline version number (one of <paramref name="versions"/>).</param>
    public static ComparisonReport Compare(Suite suite, SuiteData data, IReadOnlyList<ComparedVersion> versions, int baseline)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(versions);
        var spec = suite.Spec;
        if (spec.Output is null)
        {
            throw new ArgumentException($"suite {spec.Name} measures speed; there are no per-row predictions to compare");
        }

        var a = versions.FirstOrDefault(v => v.Version == baseline)
            ?? throw new ArgumentException($"the baseline version {baseline} is not among the compared versions");
        foreach (var v in versions)
        {
            if (v.Report.SuiteDigest != suite.Digest)
            {
                throw new ArgumentException($"version {v.Version}'s result is for suite digest {v.Report.SuiteDigest[..12]}, not {suite.Digest[..12]}");
            }

            if (v.Predictions.Count != data.Count || !v.Predictions.Labels.AsSpan().SequenceEqual(data.Labels) || !v.Predictions.Keys.SequenceEqual(data.Keys, StringComparer.Ordinal))
            {
                throw new ArgumentException($"version {v.Version}'s predictions are not for the suite's {data.Count} rows");
            }
        }

        var bootstrap = new BootstrapOptions { Replicates = spec.Bootstrap!.Replicates, Seed = spec.Bootstrap.Seed, ConfidenceLevel = spec.Bootstrap.ConfidenceLevel };
        var rows = new List<(string? View, string Name, Func<ComparedVersion, MetricValue?> Own, Func<BootstrapResult?, MetricInterval?> Delta, int Result, string? NotReported)>();
        var paired = new List<Func<ComparedVersion, BootstrapResult>>();
        if (spec.Task == TaskKind.Multiclass)
        {
            paired.Add(b => PairedBootstrap.MulticlassAccuracy(data.Labels, a.Predictions.Predictions, b.Predictions.Predictions, null, bootstrap));
            rows.Add((null, MetricNames.Accuracy, v => v.Report.Metric(MetricNames.Accuracy), r => Find(r, MetricNames.Accuracy), 0, null));
        }
        else
        {
            paired.Add(b => PairedBootstrap.Fairness(data.Labels, a.Predictions.Predictions, b.Predictions.Predictions, GroupIndex.All(data.Count), OverallOptions(spec), bootstrap));
            foreach (var rate in OverallRates)
            {
                var name = MetricNames.Of(rate);
                rows.Add((null, name, v => v.Report.Metric(name), r => Find(r, MetricNames.Overall(rate)), 0, null));
            }

            if (spec.Output!.Kind != OutputKind.Label)
            {
                var index = paired.Count;
                paired.Add(b => PairedBootstrap.Scores(data.Labels, a.Predictions.Scores, b.Predictions.Scores, spec.CalibrationBins, bootstrap));
                rows.Add((null, MetricNames.RocAuc, v => v.Report.Metric(MetricNames.RocAuc), r => Find(r, MetricNames.RocAuc), index, null));
            }

            if (spec.Fairness is { } fairness)
            {
                var codes = fairness.Sensitive.ToDictionary(s => s.Column, data.LevelCodes, StringComparer.Ordinal);
                foreach (var features in fairness.Views())
                {
                    var viewName = FairnessSpec.ViewName(features);
                    var groups = GroupIndex.Create([.. features.Select(f => new SensitiveFeature(f.Column, codes[f.Column], f.Levels))]);
                    var options = fairness.OptionsFor(features);
                    var index = paired.Count;
                    paired.Add(b => PairedBootstrap.Fairness(data.Labels, a.Predictions.Predictions, b.Predictions.Predictions, groups, options, bootstrap));
                    foreach (var name in Disparities.Where(n => options.PrivilegedGroup is not null || !n.StartsWith("aif360.", StringComparison.Ordinal)))
                    {
                        rows.Add((viewName, name, v => ViewMetric(v.Report, viewName, name), r => Find(r, name), index, null));
                    }

                    // The rows are the same for every version, so a group below the minimum size is so for all of them.
                    var sizes = GroupedConfusion.Count(data.Labels, a.Predictions.Predictions, groups);
                    var minimum = options.EffectiveMinimumGroupSize;
                    for (var g = 0; g < groups.Groups.Count; g++)
                    {
                        var group = groups.Groups[g];
                        var notReported = SmallGroups.NotReportedReason(sizes[g].Count, minimum);
                        foreach (var rate in GroupRates)
                        {
                            var name = $"group[{group.Name}].{MetricNames.Of(rate)}";
                            var shortName = MetricNames.Of(rate);
                            rows.Add(notReported is null
                                ? (viewName, name, v => GroupMetric(v.Report, viewName, group.Name, shortName), r => Find(r, MetricNames.Group(group, rate)), index, null)
                                : (viewName, name, _ => null, _ => null, index, notReported));
                        }
                    }
                }
            }
        }

        var results = versions.ToDictionary(v => v.Version, v => v.Version == baseline ? null : paired.Select(p => p(v)).ToArray());
        var metrics = rows.Select(row => new ComparedMetric(row.View, row.Name, [.. versions.Select(v =>
        {
            var own = row.Own(v);
            if (results[v.Version] is not { } deltas)
            {
                return new VersionFigure(v.Version, own, null, null);
            }

            var delta = row.Delta(deltas[row.Result]);
            var value = delta is null ? null : SuiteRunner.Value(delta, row.Name);
            var significant = delta is null || double.IsNaN(delta.Lower) ? (bool?)null : delta.ExcludesZero;
            return new VersionFigure(v.Version, own, value, significant);
        })], row.NotReported)).ToList();
        return new ComparisonReport(spec.Id, suite.Digest, baseline, [.. versions.Select(v => v.Version)], bootstrap.Replicates, bootstrap.Seed, bootstrap.ConfidenceLevel, metrics,
            spec.Fairness is null ? null : FairnessViews.Outcomes(spec));
    }

    private static FairnessOptions OverallOptions(SuiteSpec spec) => new()
    {
        ZeroDivision = spec.Fairness?.ZeroDivision ?? ZeroDivisionPolicy.NaN,
        MinimumGroupSize = spec.Fairness?.MinimumGroupSize ?? 0,
    };

    private static MetricInterval? Find(BootstrapResult? result, string name) =>
        result?.Intervals.FirstOrDefault(i => string.Equals(i.Metric, name, StringComparison.Ordinal));

    private static MetricValue? ViewMetric(EvaluationReport report, string view, string name) =>
        report.Fairness.FirstOrDefault(f => f.Name == view)?.Disparities.FirstOrDefault(d => d.Name == name);

    private static MetricValue? GroupMetric(EvaluationReport report, string view, string group, string rate) =>
        report.Fairness.FirstOrDefault(f => f.Name == view)?.Groups.FirstOrDefault(g => g.Group == group)?.Rates.FirstOrDefault(r => r.Name == rate);
}
