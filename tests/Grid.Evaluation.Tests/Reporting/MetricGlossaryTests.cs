using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Testing;

namespace ModelGrid.Evaluation.Tests.Reporting;

public sealed class MetricGlossaryTests
{
    private static readonly BootstrapOptions Quick = new() { Replicates = 1000, Seed = 1 };

    public static TheoryData<string> EmittedNames() => new(Names());

    /// <summary>Every name the metrics can emit: the names of each statistic the runner and the comparison compute.</summary>
    private static List<string> Names()
    {
        var (labels, predictions, rows) = Metrics.TestData.Expand(("a", 10, 10, 10, 10), ("b", 7, 7, 7, 14));
        var sex = Metrics.TestData.Feature("sex", rows);
        var race = Metrics.TestData.Feature("race", [.. rows.Select((_, i) => i % 3 == 0 ? "x" : "y")]);
        var groups = GroupIndex.Create(sex, race);
        var options = FairnessOptions.Default with { PrivilegedGroup = ["a", "x"], MinimumGroupSize = 0 };
        var scores = predictions.Select(p => p * 0.8 + 0.1).ToArray();
        var names = new List<string>();
        names.AddRange(Bootstrap.Fairness(GroupedConfusion.Count(labels, predictions, groups), options, Quick).Intervals.Select(i => i.Metric));
        names.AddRange(PairedBootstrap.Fairness(labels, predictions, predictions, groups, options, Quick).Intervals.Select(i => i.Metric));
        var binary = Bootstrap.Binary(ConfusionCounts.FromRows(labels, predictions), options: Quick).Intervals.Select(i => i.Metric).ToList();
        names.AddRange(binary);
        names.AddRange(binary.Select(n => n["overall.".Length..]));
        names.AddRange(Bootstrap.Scores(labels, scores, options: Quick).Intervals.Select(i => i.Metric));
        names.AddRange(Bootstrap.Multiclass(MulticlassConfusion.Count(labels, predictions, 2), options: Quick).Intervals.Select(i => i.Metric));
        var probabilities = scores.SelectMany(p => new[] { 1 - p, p }).ToArray();
        names.AddRange(Bootstrap.MulticlassScores(labels, probabilities, 2, options: Quick).Intervals.Select(i => i.Metric));
        names.AddRange(PairedBootstrap.MulticlassAccuracy(labels, predictions, predictions, groups, Quick).Intervals.Select(i => i.Metric));
        names.AddRange([MetricNames.SamplesPerSecond(1, 1), MetricNames.LatencyP50Ms(8, 2), MetricNames.LatencyP99Ms(32, 2)]);
        names.AddRange(ReportedDisparities.Names);
        names.AddRange(ReportMarkdown.GroupColumnNames);
        names.AddRange(ReportMarkdown.ThroughputColumns);
        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(EmittedNames))]
    public void Explain_EveryEmittedName_HasADefinitionFormulaSourceAndDirection(string name)
    {
        var explanation = MetricGlossary.Explain(name);

        Assert.NotNull(explanation);
        Assert.All(
            [explanation.Definition.Definition, explanation.Definition.Formula, explanation.Definition.Source, explanation.Better],
            part => Assert.False(string.IsNullOrWhiteSpace(part)));
    }

    [Fact]
    public void EmittedNames_CoverTheFamilies()
    {
        var names = Names();

        Assert.Contains("group[b, y].false_positive_rate", names);
        Assert.Contains("equalized_odds_ratio.mean.to_overall", names);
        Assert.Contains("precision.ratio.to_overall", names);
        Assert.Contains("aif360.average_abs_odds_difference", names);
        Assert.Contains("top_label_calibration_error", names);
        Assert.Contains("group[a, x].accuracy", names);
        Assert.True(names.Count > 120, $"{names.Count} names");
    }

    [Theory]
    [InlineData("equalized_odds_difference.worst_case.between_groups", "equalized odds difference (worst case, between groups)", "closer to 0 (0: every group the same)")]
    [InlineData("false_positive_rate.difference.between_groups", "false positive rate difference (between groups)", "closer to 0 (0: every group the same)")]
    [InlineData("demographic_parity_ratio.to_overall", "demographic parity ratio (to overall)", "closer to 1 (1: every group the same)")]
    [InlineData("selection_rate.group_max", "selection rate, group maximum", "neither in itself")]
    [InlineData("group[Asian, Female].selection_rate", "selection rate of Asian, Female", "neither in itself: compare groups with demographic_parity_difference")]
    [InlineData("race: aif360.disparate_impact", "disparate impact (AIF360)", "closer to 1; below 0.8 fails the four-fifths rule")]
    [InlineData("samples_per_second.batch_1.threads_1", "samples/s at batch 1, 1 thread", "higher")]
    [InlineData("latency_p50_ms.batch_8.threads_2", "latency p50 (ms) at batch 8, 2 threads", "lower")]
    [InlineData("roc_auc", "ROC AUC", "higher")]
    public void Explain_ReportedName_ReadsAsWordsWithTheRightDirection(string name, string readable, string better)
    {
        var explanation = MetricGlossary.Explain(name)!;

        Assert.Equal(readable, explanation.Readable);
        Assert.Equal(better, explanation.Better);
    }

    [Theory]
    [InlineData("no_such_metric")]
    [InlineData("selection_rate.between_groups")]
    [InlineData("demographic_parity_difference.worst_case.between_groups")]
    [InlineData("equalized_odds_difference.between_groups.worst_case")]
    [InlineData("samples_per_second.batch_x.threads_1")]
    [InlineData("group[Female].demographic_parity_difference.between_groups")]
    [InlineData("")]
    public void Explain_NameTheGridNeverReports_Null(string name)
    {
        Assert.Null(MetricGlossary.Explain(name));
    }

    [Fact]
    public void Explain_DisparateImpact_OneParagraphWithFormulaSourceAndDirection()
    {
        var paragraph = MetricGlossary.Explain("aif360.disparate_impact")!.Paragraph;

        Assert.StartsWith("The rate at which the unprivileged rows get the favourable outcome as a share of the privileged group's rate", paragraph, StringComparison.Ordinal);
        Assert.Contains(" Formula: P(ŷ = fav | unprivileged) / P(ŷ = fav | privileged). ", paragraph, StringComparison.Ordinal);
        Assert.Contains(" Source: AIF360 `ClassificationMetric.disparate_impact` (sklearn API `disparate_impact_ratio`). ", paragraph, StringComparison.Ordinal);
        Assert.EndsWith(" Better: closer to 1; below 0.8 fails the four-fifths rule.", paragraph, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', paragraph);
    }

    [Fact]
    public void Explain_GroupAggregate_ExplainsEachPartOfTheName()
    {
        var paragraph = MetricGlossary.Explain("equalized_odds_difference.mean.to_overall")!.Paragraph;

        Assert.Contains(" mean: Takes the mean of the true positive rate and false positive rate parts (Fairlearn agg=\"mean\").", paragraph, StringComparison.Ordinal);
        Assert.Contains(" to_overall: Compares each group with all rows:", paragraph, StringComparison.Ordinal);
        Assert.Contains("Source: Fairlearn `equalized_odds_difference`.", paragraph, StringComparison.Ordinal);
    }

    [Fact]
    public void Definitions_TermsAreUniqueAndAnchorsDistinct()
    {
        Assert.Equal(MetricGlossary.Definitions.Count, MetricGlossary.Definitions.Select(d => d.Term).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(MetricGlossary.Definitions.Count, MetricGlossary.Definitions.Select(d => MetricGlossary.Anchor(d.Term)).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ReferencePage_IsTheCommittedDocsMetricsMd()
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "docs", "metrics.md");
        var expected = MetricGlossary.ReferencePage();

        var actual = File.Exists(path) ? File.ReadAllText(path) : "";

        if (actual != expected)
        {
            var fresh = Path.Combine(Path.GetTempPath(), "metrics.md");
            File.WriteAllText(fresh, expected);
            Assert.Fail($"docs/metrics.md differs from MetricGlossary.ReferencePage(); the page as the glossary writes it is in {fresh}");
        }
    }

    [Fact]
    public void Link_KnownName_PointsAtItsMetricsAnchor_UnknownStaysPlain()
    {
        Assert.Equal("[aif360.disparate_impact](#metric-aif360-disparate_impact)", MetricGlossary.Link("aif360.disparate_impact"));
        Assert.Equal("[TPR](#metric-true_positive_rate)", MetricGlossary.Link("true_positive_rate", "TPR"));
        Assert.Equal("whatever", MetricGlossary.Link("whatever"));
    }
}
