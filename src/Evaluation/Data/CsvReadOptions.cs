namespace ModelGrid.Evaluation.Data;

/// <summary>How <see cref="CsvTable"/> reads a delimited text file (RFC 4180 quoting, UTF-8).</summary>
public sealed record CsvReadOptions
{
    /// <summary>The field separator; a comma by default.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Whether the first line names the columns.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>
    /// Column names for a file without a header (required when <see cref="HasHeader"/> is false; the count must match
    /// every row). With a header, names given here replace the header's (the counts must match).
    /// </summary>
    public IReadOnlyList<string>? ColumnNames { get; init; }

    /// <summary>Trim spaces and tabs around values, outside the quotes of a quoted one (Adult uses ", " separators).</summary>
    public bool TrimValues { get; init; }

    /// <summary>Values read as missing (e.g. "?" for Adult), compared after trimming; the empty string is always missing.</summary>
    public IReadOnlyList<string> MissingValues { get; init; } = [];

    /// <summary>Skip lines that are entirely empty (trailing blank lines; Adult has one).</summary>
    public bool SkipEmptyLines { get; init; } = true;
}
