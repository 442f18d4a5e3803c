using System.Buffers;

namespace ModelGrid.Formats;

/// <summary>
/// An RFC 4180 record reader over the whole text of a file: quoted fields may hold delimiters, doubled quotes and line
/// breaks; lines end in CRLF, LF or a lone CR; the last line may lack one. The fields of the current record live in
/// one reused character buffer, so reading allocates nothing per field. A byte order mark decoded as the first
/// character is skipped. Text that is not CSV (an unterminated quote, text after a closing quote) is a
/// <see cref="CsvFormatException"/>.
/// </summary>
public sealed class CsvRecordReader
{
    private const char Quote = '"';

    private readonly string _text;
    private readonly string? _source;
    private readonly char _delimiter;
    private readonly bool _trim;
    private readonly bool _skipEmptyLines;
    private readonly SearchValues<char> _fieldEnds;
    private readonly string _blankChars;
    private readonly SearchValues<char> _blanks;
    private char[] _chars = new char[256];
    private int[] _fieldEndOffsets = new int[16];
    private int _length;
    private int _position;
    private int _line = 1;

    /// <summary>A reader positioned before the first record of <paramref name="text"/>.</summary>
    /// <param name="text">The whole text, decoded.</param>
    /// <param name="dialect">The delimiter, trimming and empty lines.</param>
    /// <param name="source">The file's name for messages ("file line 12"), or null.</param>
    public CsvRecordReader(string text, CsvDialect dialect, string? source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(dialect);
        if (!CsvDialect.CanDelimit(dialect.Delimiter))
        {
            throw new ArgumentException($"'{dialect.Delimiter}' cannot be a delimiter: it is a quote or a line break.", nameof(dialect));
        }

        _text = text;
        _source = source;
        _delimiter = dialect.Delimiter;
        _trim = dialect.TrimValues;
        _skipEmptyLines = dialect.SkipEmptyLines;
        _fieldEnds = SearchValues.Create([_delimiter, '\r', '\n']);
        // A tab delimiter is never trimmed away.
        _blankChars = _delimiter == '\t' ? " " : " \t";
        _blanks = SearchValues.Create(_blankChars);

        // The byte order mark is decoded as a character; it is not part of the first field.
        if (text.StartsWith('\uFEFF'))
        {
            _position = 1;
        }
    }

    /// <summary>The number of fields in the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The file line (1-based) on which the current record starts.</summary>
    public int RecordLine { get; private set; }

    /// <summary>One field of the current record, unquoted and (when trimming) trimmed.</summary>
    public ReadOnlySpan<char> Field(int index)
    {
        var start = index == 0 ? 0 : _fieldEndOffsets[index - 1];
        return _chars.AsSpan(start, _fieldEndOffsets[index] - start);
    }

    /// <summary>Reads the next record; false at the end of the text.</summary>
    /// <exception cref="CsvFormatException">The record is not RFC 4180 CSV.</exception>
    public bool MoveNext()
    {
        var text = _text.AsSpan();
        while (_position < text.Length)
        {
            RecordLine = _line;
            if (_skipEmptyLines && text[_position] is '\r' or '\n')
            {
                ConsumeLineBreak(text);
                continue;
            }

            _length = 0;
            FieldCount = 0;
            while (true)
            {
                ReadField(text);
                if (_position >= text.Length)
                {
                    return true;
                }

                if (text[_position] == _delimiter)
                {
                    _position++;
                    continue;
                }

                ConsumeLineBreak(text);
                return true;
            }
        }

        return false;
    }

    /// <summary>"file line 12" (or "line 12" for a stream without a name), the prefix of every message about a line.</summary>
    public static string Where(string? source, int line) => source is null ? $"line {line}" : $"{source} line {line}";

    private void ReadField(ReadOnlySpan<char> text)
    {
        if (_trim)
        {
            SkipBlanks(text);
        }

        if (_position < text.Length && text[_position] == Quote)
        {
            ReadQuotedField(text);
        }
        else
        {
            var rest = text[_position..];
            var end = rest.IndexOfAny(_fieldEnds);
            if (end < 0)
            {
                end = rest.Length;
            }

            var value = rest[..end];
            Append(_trim ? value.TrimEnd(_blankChars) : value);
            _position += end;
        }

        EndField();
    }

    private void ReadQuotedField(ReadOnlySpan<char> text)
    {
        var openingLine = _line;
        _position++;
        while (true)
        {
            var rest = text[_position..];
            var quote = rest.IndexOf(Quote);
            if (quote < 0)
            {
                throw new CsvFormatException(
                    $"{Where(_source, openingLine)}: the quoted field {FieldCount + 1} opened here is never closed (unterminated quote)");
            }

            var chunk = rest[..quote];
            _line += CountLineBreaks(chunk);
            Append(chunk);
            _position += quote + 1;
            if (_position < text.Length && text[_position] == Quote)
            {
                Append([Quote]);
                _position++;
                continue;
            }

            break;
        }

        if (_trim)
        {
            SkipBlanks(text);
        }

        if (_position < text.Length && text[_position] != _delimiter && text[_position] is not ('\r' or '\n'))
        {
            throw new CsvFormatException(
                $"{Where(_source, _line)}: '{text[_position]}' follows the closing quote of field {FieldCount + 1}; a delimiter or a line end was expected");
        }
    }

    private void SkipBlanks(ReadOnlySpan<char> text)
    {
        var blanks = text[_position..].IndexOfAnyExcept(_blanks);
        _position = blanks < 0 ? text.Length : _position + blanks;
    }

    private void ConsumeLineBreak(ReadOnlySpan<char> text)
    {
        if (text[_position] == '\r' && _position + 1 < text.Length && text[_position + 1] == '\n')
        {
            _position++;
        }

        _position++;
        _line++;
    }

    private static int CountLineBreaks(ReadOnlySpan<char> chunk)
    {
        var breaks = chunk.Count('\n');
        if (!chunk.Contains('\r'))
        {
            return breaks;
        }

        // A CR counts on its own only when no LF follows it (CRLF is one line break).
        for (var i = 0; i < chunk.Length; i++)
        {
            if (chunk[i] == '\r' && (i + 1 == chunk.Length || chunk[i + 1] != '\n'))
            {
                breaks++;
            }
        }

        return breaks;
    }

    private void Append(ReadOnlySpan<char> value)
    {
        if (_length + value.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + value.Length));
        }

        value.CopyTo(_chars.AsSpan(_length));
        _length += value.Length;
    }

    private void EndField()
    {
        if (FieldCount == _fieldEndOffsets.Length)
        {
            Array.Resize(ref _fieldEndOffsets, _fieldEndOffsets.Length * 2);
        }

        _fieldEndOffsets[FieldCount++] = _length;
    }
}
