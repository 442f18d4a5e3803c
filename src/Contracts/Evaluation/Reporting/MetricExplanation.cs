namespace ModelGrid.Evaluation.Reporting;

/// <summary>What one reported name means: its metric, the parts that say how it was taken, and which direction is better.</summary>
/// <param name="Name">The name as reported ("equalized_odds_difference.worst_case.between_groups").</param>
/// <param name="Readable">The name in words ("equalized odds difference (worst case, between groups)").</param>
/// <param name="Definition">The metric the name starts with.</param>
/// <param name="Qualifiers">The parts after it, with their meanings ("group[Female]": the rows of Female).</param>
/// <param name="Better">Which direction is better for the name as a whole.</param>
public sealed record MetricExplanation(
    string Name,
    string Readable,
    MetricDefinition Definition,
    IReadOnlyList<MetricQualifier> Qualifiers,
    string Better)
{
    /// <summary>One paragraph: the definition, its formula, how the name's parts take it, its source and which direction is better.</summary>
    public string Paragraph =>
        $"{Definition.Definition} Formula: {Definition.Formula}."
        + string.Concat(Qualifiers.Select(q => $" {q.Term}: {q.Meaning}"))
        + $" Source: {Definition.Source}. Better: {Better}.";
}
