using System.Globalization;
using System.Text.Json;
using ModelGrid.Cards;
using ModelGrid.Evaluation.Running;

namespace ModelGrid.Bom;

/// <summary>The model card: parameters, quantitative analysis from the recorded results, considerations.</summary>
public static partial class CycloneDxBom
{
    private static void WriteModelCard(Utf8JsonWriter writer, BomInput input, ModelCard? card)
    {
        writer.WriteStartObject("modelCard");
        writer.WriteStartObject("modelParameters");
        if ((card?.Scalar("pipeline_tag") ?? input.ModelTask) is { Length: > 0 } task)
        {
            writer.WriteString("task", task);
        }

        if (card?.Scalar("model_type") is { Length: > 0 } family)
        {
            writer.WriteString("architectureFamily", family);
        }

        if (input.Suites.Count > 0)
        {
            writer.WriteStartArray("datasets");
            foreach (var suite in input.Suites.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("ref", SuiteRef(suite));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        WriteFormats(writer, "inputs", input.Suites.SelectMany(s => s.Inputs));
        WriteFormats(writer, "outputs", input.Suites.SelectMany(s => s.Outputs));
        writer.WriteEndObject();

        var reports = input.Results.Select(r => r.Report).ToList();
        if (reports.Count > 0)
        {
            writer.WriteStartObject("quantitativeAnalysis");
            writer.WriteStartArray("performanceMetrics");
            foreach (var report in reports)
            {
                WriteMetrics(writer, report);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        WriteConsiderations(writer, card is null ? null : CardConsiderations.Read(card.Body), reports);
        writer.WriteEndObject();
    }

    private static void WriteFormats(Utf8JsonWriter writer, string name, IEnumerable<string> formats)
    {
        var distinct = formats.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var format in distinct)
        {
            writer.WriteStartObject();
            writer.WriteString("format", format);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// The headline metrics (slice: the suite), each fairness view's disparities (slice: suite and view) and each
    /// reported group's rates (slice: suite, view and group), skipping undefined figures.
    /// </summary>
    private static void WriteMetrics(Utf8JsonWriter writer, EvaluationReport report)
    {
        var suite = SuiteName(report);
        foreach (var metric in report.Metrics)
        {
            WriteMetric(writer, metric, suite);
        }

        foreach (var view in report.Fairness)
        {
            foreach (var disparity in view.Disparities)
            {
                WriteMetric(writer, disparity, $"{suite}; {view.Name}");
            }

            foreach (var group in view.Groups.Where(g => g.Reported))
            {
                foreach (var rate in group.Rates)
                {
                    WriteMetric(writer, rate, GroupSlice(suite, view.Name, group.Group));
                }
            }
        }
    }

    private static void WriteMetric(Utf8JsonWriter writer, MetricValue metric, string slice)
    {
        if (double.IsNaN(metric.Value))
        {
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("type", metric.Name);
        writer.WriteString("value", Figure(metric.Value));
        writer.WriteString("slice", slice);
        if (!double.IsNaN(metric.Lower) && !double.IsNaN(metric.Upper))
        {
            writer.WriteStartObject("confidenceInterval");
            writer.WriteString("lowerBound", Figure(metric.Lower));
            writer.WriteString("upperBound", Figure(metric.Upper));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>The slice of a group's figures: <c>suite@version; view = group</c>.</summary>
    /// <param name="suite">The suite's <c>id@version</c>.</param>
    /// <param name="view">The fairness view (<c>race</c>, <c>race x sex</c>).</param>
    /// <param name="group">The group.</param>
    public static string GroupSlice(string suite, string view, string group) => $"{suite}; {view} = {group}";

    private static string SuiteName(EvaluationReport report) => $"{report.Suite}@{report.SuiteVersion.ToString(CultureInfo.InvariantCulture)}";

    private static void WriteConsiderations(Utf8JsonWriter writer, CardConsiderations? stated, IReadOnlyList<EvaluationReport> reports)
    {
        var assessments = reports.SelectMany(FairnessAssessment.Of).ToList();
        if ((stated is null || stated.IsEmpty) && assessments.Count == 0)
        {
            return;
        }

        writer.WriteStartObject("considerations");
        if (stated is not null)
        {
            WriteStrings(writer, "users", stated.Users);
            WriteStrings(writer, "useCases", stated.UseCases);
            WriteStrings(writer, "technicalLimitations", stated.TechnicalLimitations);
            WriteStrings(writer, "performanceTradeoffs", stated.PerformanceTradeoffs);
            if (stated.EthicalConsiderations.Count > 0)
            {
                writer.WriteStartArray("ethicalConsiderations");
                foreach (var risk in stated.EthicalConsiderations)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", risk);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }
        }

        if (assessments.Count > 0)
        {
            writer.WriteStartArray("fairnessAssessments");
            foreach (var assessment in assessments)
            {
                writer.WriteStartObject();
                writer.WriteString("groupAtRisk", assessment.GroupAtRisk);
                writer.WriteString("benefits", assessment.Benefits);
                writer.WriteString("harms", assessment.Harms);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
