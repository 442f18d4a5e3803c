namespace ModelGrid.Formats;

/// <summary>How <see cref="CsvRecordReader"/> splits text into records and fields (RFC 4180 quoting).</summary>
/// <param name="Delimiter">The field separator; never a quote or a line break (<see cref="CanDelimit"/>).</param>
/// <param name="TrimValues">Trim spaces and tabs around values, outside the quotes of a quoted one (a tab delimiter is kept).</param>
/// <param name="SkipEmptyLines">Skip lines that are entirely empty; when false, such a line is a record of one empty field.</param>
public sealed record CsvDialect(char Delimiter = ',', bool TrimValues = false, bool SkipEmptyLines = true)
{
    /// <summary>Whether <paramref name="delimiter"/> can separate fields: anything but a quote or a line break.</summary>
    public static bool CanDelimit(char delimiter) => delimiter is not ('"' or '\r' or '\n');
}
