namespace ModelGrid.Evaluation.Suites;

/// <summary>How the suite's CSV file is laid out.</summary>
/// <param name="Artifact">The declared artifact holding the file.</param>
/// <param name="Header">Whether the first line names the columns.</param>
/// <param name="Columns">The column names of a file without a header.</param>
/// <param name="Delimiter">The field separator.</param>
/// <param name="Trim">Whether unquoted values are trimmed.</param>
/// <param name="Missing">Values read as missing besides the empty string.</param>
public sealed record CsvLayout(string Artifact, bool Header, IReadOnlyList<string> Columns, char Delimiter, bool Trim, IReadOnlyList<string> Missing);
