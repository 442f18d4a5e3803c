using System.Text;

namespace ModelGrid.Storage.Artifacts;

/// <summary>
/// The <c>csv-drop-columns</c> transform: reads RFC 4180 CSV (quoted fields with doubled quotes and line breaks,
/// CRLF or LF records), drops the columns whose header is listed, and writes every record back with minimal
/// quoting (only fields holding a comma, quote or line break), LF line ends and UTF-8 without a BOM.
/// </summary>
public static class CsvColumnDropper
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Copies <paramref name="input"/> to <paramref name="output"/> without the named columns.</summary>
    /// <param name="input">The original CSV.</param>
    /// <param name="output">Receives the derived CSV.</param>
    /// <param name="columns">The header names to drop (every column with such a header).</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    public static async Task TransformAsync(Stream input, Stream output, IReadOnlyCollection<string> columns, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(input, Utf8NoBom, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        await using var writer = new StreamWriter(output, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
        bool[]? keep = null;
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = new StringBuilder();
        while (ReadRecord(reader, fields, field))
        {
            cancellationToken.ThrowIfCancellationRequested();
            keep ??= [.. fields.Select(name => !columns.Contains(name))];
            line.Clear();
            var first = true;
            for (var i = 0; i < fields.Count; i++)
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
                AppendField(line, fields[i]);
            }

            line.Append('\n');
            await writer.WriteAsync(line, cancellationToken);
        }

        if (columns.Count > 0 && keep is not null && keep.All(k => k))
        {
            throw new InvalidDataException($"none of the columns {string.Join(", ", columns)} is in the CSV header");
        }
    }

    private static void AppendField(StringBuilder line, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    /// <summary>Reads one record into <paramref name="fields"/>; false at the end of the input.</summary>
    private static bool ReadRecord(TextReader reader, List<string> fields, StringBuilder field)
    {
        fields.Clear();
        field.Clear();
        var next = reader.Read();
        if (next < 0)
        {
            return false;
        }

        var quoted = false;
        var inQuotes = false;
        while (true)
        {
            if (next < 0)
            {
                if (inQuotes)
                {
                    throw new InvalidDataException("the CSV ends inside a quoted field");
                }

                fields.Add(field.ToString());
                return true;
            }

            var c = (char)next;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0 && !quoted)
            {
                inQuotes = true;
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                quoted = false;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                fields.Add(field.ToString());
                return true;
            }
            else
            {
                field.Append(c);
            }

            next = reader.Read();
        }
    }
}
