using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using ModelGrid.Formats;

namespace ModelGrid.Evaluation.Data;

/// <summary>
/// A delimited text file (RFC 4180) read into memory column by column; a value is a string, or null where it is
/// missing (empty, or one of <see cref="CsvReadOptions.MissingValues"/>).
/// </summary>
public sealed class CsvTable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlyCollection<string?>[] _columns;
    private readonly Dictionary<string, int> _firstIndex;
    private readonly int[] _rowLines;
    private readonly string? _source;

    private CsvTable(string[] names, List<string?>[] columns, List<int> rowLines, string? source)
    {
        ColumnNames = names.AsReadOnly();
        _columns = Array.ConvertAll(columns, c => c.AsReadOnly());
        _rowLines = [.. rowLines];
        _source = source;
        _firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            _firstIndex.TryAdd(names[i], i);
        }
    }

    /// <summary>The column names in file order, as in the header (or the options); duplicates are kept.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The number of data rows (the header is not one).</summary>
    public int RowCount => _rowLines.Length;

    /// <summary>Reads UTF-8 text (a byte order mark is tolerated) from <paramref name="stream"/>, to its end.</summary>
    public static CsvTable Read(Stream stream, CsvReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Read(stream, options, (stream as FileStream)?.Name);
    }

    /// <summary>Reads the UTF-8 file at <paramref name="path"/>; error messages name it.</summary>
    public static CsvTable Read(string path, CsvReadOptions options)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        return Read(stream, options, path);
    }

    /// <summary>Whether some column has this name (ordinal, case-sensitive).</summary>
    public bool HasColumn(string name) => _firstIndex.ContainsKey(name);

    /// <summary>
    /// The values of the first column with this name (with duplicate headers the first wins); null where missing.
    /// </summary>
    /// <exception cref="DatasetFormatException">No column has this name; the message lists the columns there are.</exception>
    public IReadOnlyList<string?> Column(string name) => _columns[IndexOf(name)];

    /// <summary>The values of the column at <paramref name="index"/> (0-based, file order); null where missing.</summary>
    public IReadOnlyList<string?> Column(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _columns.Length);
        return _columns[index];
    }

    /// <summary>The 0-based position of the first column with this name.</summary>
    /// <exception cref="DatasetFormatException">No column has this name.</exception>
    public int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _firstIndex.TryGetValue(name, out var index)
            ? index
            : throw new DatasetFormatException(
                $"{(_source is null ? "" : _source + ": ")}no column '{name}'; the columns are: {string.Join(", ", ColumnNames)}");
    }

    /// <summary>The file line (1-based) on which data row <paramref name="row"/> (0-based) starts.</summary>
    public int SourceLine(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, _rowLines.Length);
        return _rowLines[row];
    }

    /// <summary>
    /// The column parsed as doubles (invariant culture: '.' decimals, exponents, "NaN", "Infinity"); missing values
    /// are NaN.
    /// </summary>
    /// <exception cref="DatasetFormatException">
    /// No column has this name, or a value is not a number (the message gives the 1-based data row, its file line and
    /// the value).
    /// </exception>
    public double[] NumericColumn(string name)
    {
        var values = _columns[IndexOf(name)];
        var numbers = new double[values.Count];
        for (var row = 0; row < numbers.Length; row++)
        {
            var value = values[row];
            if (value is null)
            {
                numbers[row] = double.NaN;
            }
            else if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[row]))
            {
                throw new DatasetFormatException(
                    $"{CsvRecordReader.Where(_source, _rowLines[row])}: column '{name}', row {row + 1}: '{value}' is not a number");
            }
        }

        return numbers;
    }

    private static CsvTable Read(Stream stream, CsvReadOptions options, string? source)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.HasHeader && options.ColumnNames is null)
        {
            throw new ArgumentException("A file without a header needs ColumnNames.", nameof(options));
        }

        if (!CsvDialect.CanDelimit(options.Delimiter))
        {
            throw new ArgumentException($"'{options.Delimiter}' cannot be a delimiter: it is a quote or a line break.", nameof(options));
        }

        var dialect = new CsvDialect(options.Delimiter, options.TrimValues, options.SkipEmptyLines);
        var reader = new CsvRecordReader(ReadText(stream, source), dialect, source);
        var names = ReadNames(reader, options, source);
        var columns = new List<string?>[names.Length];
        var pools = new CsvValuePool[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            columns[i] = [];
            pools[i] = new CsvValuePool();
        }

        var missing = options.MissingValues;
        var rowLines = new List<int>();
        while (MoveNext(reader))
        {
            if (reader.FieldCount != names.Length)
            {
                throw new DatasetFormatException(
                    $"{CsvRecordReader.Where(source, reader.RecordLine)}: expected {names.Length} fields, found {reader.FieldCount}");
            }

            for (var i = 0; i < names.Length; i++)
            {
                var field = reader.Field(i);
                columns[i].Add(IsMissing(field, missing) ? null : pools[i].Get(field));
            }

            rowLines.Add(reader.RecordLine);
        }

        return new CsvTable(names, columns, rowLines, source);
    }

    /// <summary>The next record; text that is not CSV is a dataset fault like any other.</summary>
    private static bool MoveNext(CsvRecordReader reader)
    {
        try
        {
            return reader.MoveNext();
        }
        catch (CsvFormatException e)
        {
            throw new DatasetFormatException(e.Message, e);
        }
    }

    private static string ReadText(Stream stream, string? source)
    {
        using var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        try
        {
            return text.ReadToEnd();
        }
        catch (DecoderFallbackException e)
        {
            throw new DatasetFormatException($"{source ?? "the stream"} is not valid UTF-8 ({e.Message})");
        }
    }

    private static string[] ReadNames(CsvRecordReader reader, CsvReadOptions options, string? source)
    {
        if (!options.HasHeader)
        {
            return [.. options.ColumnNames!];
        }

        if (!MoveNext(reader))
        {
            throw new DatasetFormatException($"{source ?? "the stream"} is empty, but a header line was expected");
        }

        var header = new string[reader.FieldCount];
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = reader.Field(i).ToString();
        }

        if (options.ColumnNames is { } names)
        {
            return names.Count == header.Length
                ? [.. names]
                : throw new DatasetFormatException(
                    $"{CsvRecordReader.Where(source, reader.RecordLine)}: the header has {header.Length} columns, but {names.Count} column names were given");
        }

        return header;
    }

    private static bool IsMissing(ReadOnlySpan<char> value, IReadOnlyList<string> missingValues)
    {
        if (value.IsEmpty)
        {
            return true;
        }

        for (var i = 0; i < missingValues.Count; i++)
        {
            if (value.SequenceEqual(missingValues[i]))
            {
                return true;
            }
        }

        return false;
    }
}
