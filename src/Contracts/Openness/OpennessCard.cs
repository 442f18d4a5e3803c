using System.Globalization;
using System.Text;

namespace ModelGrid.Openness;

/// <summary>The part of a version's model card that shows its openness: the class, progress and what the next class needs.</summary>
public static class OpennessCard
{
    /// <summary>The section's heading.</summary>
    public const string Heading = "## Openness (Model Openness Framework)";

    /// <summary>The Markdown section for a version's openness.</summary>
    public static string Section(OpennessView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var text = new StringBuilder();
        text.Append(Heading).Append("\n\n");
        text.Append(CultureInfo.InvariantCulture, $"**{view.Label}**, computed by the grid with the Model Openness Tool's rules and licence lists {view.Evaluation.LicenseListVersion} ")
            .Append(CultureInfo.InvariantCulture, $"from openness record revision {view.Revision} (`{view.RevisionId[..12]}`). ")
            .Append(CultureInfo.InvariantCulture, $"Progress: Class III {Percent(view.Progress.ClassIII)}, Class II {Percent(view.Progress.ClassII)}, Class I {Percent(view.Progress.ClassI)}.\n");
        if (view.NextClass is { } next)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nMissing for {MofEvaluation.LabelOf(next)}:\n\n");
            foreach (var shortfall in view.MissingForNextClass)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {shortfall.Component}: {shortfall.Reason}\n");
            }
        }

        if (view.Unverified.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nClaimed but not in this version's files (not verified): {string.Join(", ", view.Unverified)}.\n");
        }

        if (view.Evaluation.NotTypeAppropriate.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nOpen licences not known to suit the component's content type (a warning only): {string.Join(", ", view.Evaluation.NotTypeAppropriate)}.\n");
        }

        return text.ToString();
    }

    /// <summary>A card with its openness section replaced by <paramref name="section"/> (or removed when null); the section always comes last.</summary>
    public static string WithSection(string card, string? section)
    {
        ArgumentNullException.ThrowIfNull(card);
        var at = card.IndexOf("\n" + Heading + "\n", StringComparison.Ordinal);
        var body = (at < 0 ? card : card[..(at + 1)]).TrimEnd('\n', '\r');
        return section is null ? body + "\n" : body.Length == 0 ? section : $"{body}\n\n{section}";
    }

    /// <summary>A percentage as the card shows it: whole numbers bare, others to two decimals.</summary>
    public static string Percent(double value) =>
        value == Math.Round(value) ? string.Create(CultureInfo.InvariantCulture, $"{value:0}%") : string.Create(CultureInfo.InvariantCulture, $"{value:0.00}%");
}
