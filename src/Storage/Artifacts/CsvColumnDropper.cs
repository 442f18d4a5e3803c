using System.Text;
using ModelGrid.Formats;

namespace ModelGrid.Storage.Artifacts;

/// <summary>
/// The <c>csv-drop-columns</c> transform: reads RFC 4180 CSV with the grid's one reader (<see cref="CsvRecordReader"/>:
/// quoted fields with doubled quotes and line breaks, CRLF, LF or CR records, a byte order mark skipped), drops the
/// columns whose header is listed, and writes every record back with minimal quoting (only fields holding a comma,
/// quote or line break), LF line ends and UTF-8 without a BOM. Empty lines are kept as records of one empty field.
/// </summary>
public static class CsvColumnDropper
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly CsvDialect Dialect = new(',', TrimValues: false, SkipEmptyLines: false);

    /// <summary>Copies <paramref name="input"/> to <paramref name="output"/> without the named columns.</summary>
    /// <param name="input">The original CSV.</param>
    /// <param name="output">Receives the derived CSV.</param>
    /// <param name="columns">The header names to drop (every column with such a header).</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <exception cref="InvalidDataException">The input is not RFC 4180 CSV, or holds none of the columns.</exception>
    public static async Task TransformAsync(Stream input, Stream output, IReadOnlyCollection<string> columns, CancellationToken cancellationToken = default)
    {
        string text;
        using (var decoder = new StreamReader(input, Utf8NoBom, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true))
        {
            text = await decoder.ReadToEndAsync(cancellationToken);
        }

        var reader = new CsvRecordReader(text, Dialect, source: null);
        await using var writer = new StreamWriter(output, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
        bool[]? keep = null;
        var line = new StringBuilder();
        while (MoveNext(reader))
        {
            cancellationToken.ThrowIfCancellationRequested();
            keep ??= Keep(reader, columns);
            line.Clear();
            var first = true;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (i < keep.Length && !keep[i])
                {
                    continue;
                }

                if (!first)
                {
                    line.Append(',');
                }

                first = false;
                AppendField(line, reader.Field(i));
            }

            line.Append('\n');
            await writer.WriteAsync(line, cancellationToken);
        }

        if (columns.Count > 0 && keep is not null && keep.All(k => k))
        {
            throw new InvalidDataException($"none of the columns {string.Join(", ", columns)} is in the CSV header");
        }
    }

    private static bool MoveNext(CsvRecordReader reader)
    {
        try
        {
            return reader.MoveNext();
        }
        catch (CsvFormatException e)
        {
            throw new InvalidDataException($"the CSV is malformed: {e.Message}", e);
        }
    }

    private static bool[] Keep(CsvRecordReader header, IReadOnlyCollection<string> columns)
    {
        var keep = new bool[header.FieldCount];
        for (var i = 0; i < keep.Length; i++)
        {
            keep[i] = !columns.Contains(header.Field(i).ToString());
        }

        return keep;
    }

    private static void AppendField(StringBuilder line, ReadOnlySpan<char> value)
    {
        if (value.IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(value);
            return;
        }

        line.Append('"');
        foreach (var c in value)
        {
            line.Append(c);
            if (c == '"')
            {
                line.Append('"');
            }
        }

        line.Append('"');
    }
}
