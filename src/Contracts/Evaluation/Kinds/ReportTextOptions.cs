namespace ModelGrid.Evaluation.Kinds;

/// <summary>How a report is laid out as terminal text.</summary>
/// <param name="Wide">One line per row with every column, however wide that is.</param>
/// <param name="Width">The columns the text should fit.</param>
/// <param name="Safe">Makes text that came from a hub (group names, reasons) safe to print on a terminal.</param>
public sealed record ReportTextOptions(bool Wide, int Width, Func<string?, string> Safe);
