using System.Globalization;
using System.Text;
using ModelGrid.Evaluation.Kinds;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;
using YamlDotNet.RepresentationModel;

namespace ModelGrid.Cards;

/// <summary>
/// Renders a version's card revision from the publisher's card (r1) and the results the grid recorded: the YAML
/// <c>model-index</c> keeps the publisher's results marked self-reported and adds one result per evaluation, marked
/// verified by the grid, with intervals, suite digest, provider and hardware and a link to its job; the Markdown adds
/// the tables of each result. What a result contributes (its tables, its <c>model-index</c> metrics, task and rows) is
/// its kind's presentation (<see cref="ISuiteKindPresentation"/>). The same card and results always give the same bytes.
/// </summary>
public static class EvaluationCard
{
    /// <summary>The heading of the part of the card the grid writes.</summary>
    public const string Heading = "## Evaluations by the ModelGrid grid";

    /// <summary>The card text for <paramref name="publisherCard"/> with <paramref name="results"/> (in recording order).</summary>
    /// <param name="publisherCard">Card r1.</param>
    /// <param name="modelName">The model's <c>owner/name</c>, the model-index entry's name when r1 has none.</param>
    /// <param name="results">The recorded results.</param>
    /// <param name="kinds">The kinds' presentations, which lay out each result's part; <see cref="SuiteKindPresentations.Default"/> when null.</param>
    public static string Render(string publisherCard, string modelName, IReadOnlyList<RecordedResult> results, SuiteKindPresentations? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        kinds ??= SuiteKindPresentations.Default;
        var card = ModelCard.Parse(publisherCard);
        var front = card.FrontMatter is null ? new YamlMappingNode() : Copy(card.FrontMatter);
        var index = ModelIndex(front, modelName);
        var list = Results(index);
        foreach (var publisher in list.Children.OfType<YamlMappingNode>())
        {
            MarkSelfReported(publisher);
        }

        foreach (var result in results)
        {
            list.Add(GridResult(result, kinds.Get(result.Report.Kind)));
        }

        var text = new StringBuilder();
        text.Append("---\n").Append(Emit(front)).Append("---\n");
        text.Append(card.Body.TrimEnd('\n', '\r')).Append("\n\n");
        text.Append(Heading).Append("\n\n");
        text.Append("Everything above this heading is the publisher's card (r1) as published. ")
            .Append("Below are the results measured by the grid's workers from the version's own files; the front matter marks them `verified: true`. ")
            .Append("Intervals are percentile bootstrap intervals over the evaluated rows.\n");
        foreach (var result in results)
        {
            var r = result.Report;
            text.Append(CultureInfo.InvariantCulture, $"\n### {r.Suite}@{r.SuiteVersion} — job {result.JobId:D}, attempt {result.Attempt}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"Suite digest `{r.SuiteDigest}`; evaluator `{r.Evaluator}`; ONNX Runtime {r.Environment.RuntimeVersion} on {r.Environment.ActualProvider} ")
                .Append(CultureInfo.InvariantCulture, $"({r.Environment.Cpu}, {r.Environment.LogicalCores} cores, hardware class {r.Environment.HardwareClass}).\n\n");
            text.Append(kinds.Get(r.Kind).Markdown(r, 4, links: true));
            Notes(text, r);
        }

        if (results.Count > 0)
        {
            text.Append('\n').Append(MetricGlossary.CardSection(results.SelectMany(r => kinds.Get(r.Report.Kind).DefinedNames(r.Report)), "### Metric definitions"));
        }

        return text.ToString();
    }

    /// <summary>The warnings as one summary line, with the whole list folded beneath it.</summary>
    private static void Notes(StringBuilder text, EvaluationReport report)
    {
        if (WarningSummary.Describe(report) is not { } summary)
        {
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"\nNotes: {summary}.\n\n<details><summary>All {report.Warnings.Count} notes</summary>\n\n");
        foreach (var warning in report.Warnings)
        {
            text.Append("- ").Append(warning).Append('\n');
        }

        text.Append("\n</details>\n");
    }

    private static YamlMappingNode GridResult(RecordedResult result, ISuiteKindPresentation kind)
    {
        var r = result.Report;
        var metrics = new YamlSequenceNode();
        foreach (var metric in kind.CardMetrics(r).Where(m => !double.IsNaN(m.Value.Value)))
        {
            metrics.Add(Metric(metric.Value, metric.Type, metric.View));
        }

        var node = new YamlMappingNode
        {
            { "task", new YamlMappingNode { { "type", kind.CardTask(r) } } },
            { "dataset", new YamlMappingNode { { "name", $"{r.Suite}@{r.SuiteVersion.ToString(CultureInfo.InvariantCulture)}" }, { "type", r.Suite } } },
            { "metrics", metrics },
            {
                "source", new YamlMappingNode
                {
                    { "name", "ModelGrid evaluation grid" },
                    { "url", $"/api/v1/evaluations/{result.JobId:D}" },
                }
            },
            {
                "evaluation", new YamlMappingNode
                {
                    { "job", result.JobId.ToString("D") },
                    { "attempt", Number(result.Attempt) },
                    { "suite-digest", r.SuiteDigest },
                    { "evaluator", r.Evaluator },
                    { "runtime", $"onnxruntime {r.Environment.RuntimeVersion}" },
                    { "provider", r.Environment.ActualProvider },
                    { "hardware", r.Environment.HardwareClass },
                    { "cpu", r.Environment.Cpu },
                }
            },
        };

        if (kind.CardRows(r) is { } rows)
        {
            ((YamlMappingNode)node["evaluation"]).Add("rows", Number(rows));
        }

        return node;
    }

    private static YamlMappingNode Metric(MetricValue metric, string type, string? view)
    {
        var node = new YamlMappingNode
        {
            { "type", type },
            { "value", Number(metric.Value) },
            { "name", view is null ? MetricGlossary.Readable(type) : $"{MetricGlossary.Readable(type)} by {view}" },
            { "verified", Plain("true") },
        };
        if (view is not null)
        {
            node.Add("args", new YamlMappingNode { { "sensitive", view } });
        }

        if (!double.IsNaN(metric.Lower))
        {
            node.Add("ci", new YamlMappingNode { { "lower", Number(metric.Lower) }, { "upper", Number(metric.Upper) } });
        }

        return node;
    }

    private static void MarkSelfReported(YamlMappingNode result)
    {
        if (result.Children.TryGetValue(new YamlScalarNode("metrics"), out var metrics) && metrics is YamlSequenceNode list)
        {
            foreach (var metric in list.Children.OfType<YamlMappingNode>())
            {
                metric.Children[new YamlScalarNode("verified")] = Plain("false");
            }
        }

        if (!result.Children.ContainsKey(new YamlScalarNode("source")))
        {
            result.Add("source", new YamlMappingNode { { "name", "publisher (self-reported)" } });
        }
    }

    private static YamlMappingNode ModelIndex(YamlMappingNode front, string modelName)
    {
        var key = new YamlScalarNode("model-index");
        if (!front.Children.TryGetValue(key, out var node) || node is not YamlSequenceNode sequence)
        {
            sequence = [];
            front.Children[key] = sequence;
        }

        if (sequence.Children.OfType<YamlMappingNode>().FirstOrDefault() is { } first)
        {
            return first;
        }

        var entry = new YamlMappingNode { { "name", modelName } };
        sequence.Add(entry);
        return entry;
    }

    private static YamlSequenceNode Results(YamlMappingNode index)
    {
        var key = new YamlScalarNode("results");
        if (index.Children.TryGetValue(key, out var node) && node is YamlSequenceNode list)
        {
            return list;
        }

        list = [];
        index.Children[key] = list;
        return list;
    }

    private static YamlScalarNode Number(double value) =>
        Plain(value.ToString("0.######", CultureInfo.InvariantCulture));

    private static YamlScalarNode Number(long value) => Plain(value.ToString(CultureInfo.InvariantCulture));

    private static YamlScalarNode Plain(string value) => new(value) { Style = YamlDotNet.Core.ScalarStyle.Plain };

    private static YamlMappingNode Copy(YamlMappingNode node) => (YamlMappingNode)Clone(node);

    private static YamlNode Clone(YamlNode node) => node switch
    {
        YamlMappingNode m => new YamlMappingNode(m.Children.Select(p => KeyValuePair.Create(Clone(p.Key), Clone(p.Value)))),
        YamlSequenceNode s => new YamlSequenceNode(s.Children.Select(Clone)),
        YamlScalarNode s => new YamlScalarNode(s.Value) { Style = s.Style, Tag = s.Tag },
        _ => node,
    };

    private static string Emit(YamlMappingNode front)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        new YamlStream(new YamlDocument(front)).Save(writer, assignAnchors: false);
        var text = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.EndsWith("...\n", StringComparison.Ordinal))
        {
            text = text[..^4];
        }

        return text.EndsWith('\n') ? text : text + "\n";
    }
}
