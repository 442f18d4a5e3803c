namespace ModelGrid.Formats;

/// <summary>Text that is not RFC 4180 CSV; the one-line message names the source, the line and the fault.</summary>
public sealed class CsvFormatException(string message) : FormatException(message);
