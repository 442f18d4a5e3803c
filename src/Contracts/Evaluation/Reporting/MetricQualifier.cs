namespace ModelGrid.Evaluation.Reporting;

/// <summary>
/// A part of a reported name that says how the metric was taken: a method (<c>between_groups</c>), an aggregation
/// (<c>worst_case</c>, <c>difference</c>), a group (<c>group[Female]</c>) or a configuration (<c>batch_8</c>).
/// </summary>
/// <param name="Term">The part as names write it; <c>group[…]</c>, <c>batch_N</c> and <c>threads_N</c> stand for any value.</param>
/// <param name="Meaning">What it means, in a sentence.</param>
/// <param name="Better">The direction that is better once it applies (a difference: closer to 0), or null to keep the metric's.</param>
public sealed record MetricQualifier(string Term, string Meaning, string? Better = null);
