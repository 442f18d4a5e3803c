using ModelGrid.Evaluation.Kinds;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;

namespace ModelGrid.Client.Cli;

/// <summary>
/// A report's figures as plain-text tables for a terminal, as its kind lays them out
/// (<see cref="ISuiteKindPresentation.Text"/>): for accuracy and bias the headline metrics, then for each fairness view
/// its groups and disparities, for throughput the measurements. By default every table fits 100 columns; <c>wide</c>
/// puts every rate of a group on one line. The figures, and the sentence on which prediction each family of fairness
/// metrics counts, are those of the card (<see cref="ReportMarkdown"/>), in the same formats; text that came from a hub
/// passes <see cref="TerminalText.Safe"/>.
/// </summary>
public static class ReportText
{
    /// <summary>The report's tables; <paramref name="wide"/> for one line per group with every rate.</summary>
    /// <param name="report">The report.</param>
    /// <param name="wide">One line per row, however wide.</param>
    /// <param name="width">The columns to fit.</param>
    /// <param name="kinds">The kinds' presentations; the engine's registry (<see cref="SuiteKinds.Default"/>) when null.</param>
    public static string Render(EvaluationReport report, bool wide = false, int width = TextTable.DefaultWidth, SuiteKindPresentations? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return (kinds ?? SuiteKinds.Default.Presentations).Get(report.Kind).Text(report, new ReportTextOptions(wide, width, TerminalText.Safe));
    }
}
