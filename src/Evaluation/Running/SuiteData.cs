using System.Globalization;
using ModelGrid.Evaluation.Data;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Running;

/// <summary>
/// A suite's rows as read and checked: the filter applied, labels mapped to 0/1 or class numbers, and the columns
/// (or IDX items) the model inputs and sensitive features are taken from.
/// </summary>
public sealed class SuiteData
{
    private readonly CsvTable? _table;
    private readonly IdxArray? _items;
    private readonly int[] _rows;

    private SuiteData(SuiteSpec spec, CsvTable? table, IdxArray? items, int[] rows, int[] labels, IReadOnlyList<string> keys)
    {
        Spec = spec;
        _table = table;
        _items = items;
        _rows = rows;
        Labels = labels;
        Keys = keys;
    }

    /// <summary>The suite.</summary>
    public SuiteSpec Spec { get; }

    /// <summary>The number of rows evaluated.</summary>
    public int Count => _rows.Length;

    /// <summary>True labels: 0/1 (binary) or class numbers.</summary>
    public int[] Labels { get; }

    /// <summary>Each row's key.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The length of one IDX item (IDX data only).</summary>
    public int ItemLength => _items?.ItemLength ?? 0;

    /// <summary>Reads the suite's data from its artifacts.</summary>
    public static async Task<SuiteData> LoadAsync(SuiteSpec spec, IArtifactFiles artifacts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(artifacts);
        var data = spec.Data;
        switch (data.Format)
        {
            case DataFormat.Csv:
                {
                    var csv = data.Csv!;
                    var path = await artifacts.GetFileAsync(csv.Artifact, cancellationToken);
                    var table = CsvTable.Read(path, new CsvReadOptions
                    {
                        Delimiter = csv.Delimiter,
                        HasHeader = csv.Header,
                        ColumnNames = csv.Header ? null : csv.Columns,
                        TrimValues = csv.Trim,
                        MissingValues = csv.Missing,
                    });
                    return FromTable(spec, table);
                }

            case DataFormat.Idx:
                {
                    var idx = data.Idx!;
                    var items = IdxArray.Read(await artifacts.GetFileAsync(idx.Items, cancellationToken));
                    var labelArray = IdxArray.Read(await artifacts.GetFileAsync(idx.Labels, cancellationToken));
                    if (labelArray.Count != items.Count)
                    {
                        throw new SuiteDataException($"{idx.Labels} holds {labelArray.Count} labels for {items.Count} items in {idx.Items}");
                    }

                    var raw = labelArray.ToInt64s();
                    var classes = data.Label!.Classes;
                    var labels = new int[raw.Length];
                    for (var i = 0; i < raw.Length; i++)
                    {
                        labels[i] = raw[i] >= 0 && raw[i] < classes
                            ? (int)raw[i]
                            : throw new SuiteDataException($"{idx.Labels}: label {raw[i]} of item {i} is not a class from 0 to {classes - 1}");
                    }

                    var rows = Enumerable.Range(0, items.Count).ToArray();
                    return new SuiteData(spec, null, items, rows, labels, [.. rows.Select(r => r.ToString(CultureInfo.InvariantCulture))]);
                }

            default:
                throw new InvalidOperationException($"{spec.Name} generates its inputs: it has no rows to load");
        }
    }

    /// <summary>The rows of a table as the suite reads them (exposed for tests).</summary>
    public static SuiteData FromTable(SuiteSpec spec, CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(table);
        var rows = Filter(spec.Data.Filter, table);
        var label = spec.Data.Label!;
        var labelColumn = table.Column(label.Column!);
        var labels = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var value = labelColumn[rows[i]];
            labels[i] = spec.Task == TaskKind.Binary ? BinaryLabel(label, value, rows[i]) : ClassLabel(label, value, rows[i]);
        }

        IReadOnlyList<string> keys;
        if (spec.Data.RowKey is { } keyColumn)
        {
            var column = table.Column(keyColumn);
            keys = [.. rows.Select(r => Sanitize(column[r]) ?? throw new SuiteDataException($"row {r + 1}: the row key '{keyColumn}' is missing"))];
        }
        else
        {
            keys = [.. rows.Select(r => r.ToString(CultureInfo.InvariantCulture))];
        }

        return new SuiteData(spec, table, null, rows, labels, keys);
    }

    /// <summary>Whether the data have the column a model input is read from.</summary>
    public bool HasColumn(string column) => _table?.HasColumn(column) ?? false;

    /// <summary>The float values of a column for rows [start, start + count), a missing value replaced by the input's declared one.</summary>
    public float[] Floats(ModelInputSpec input, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(input);
        var column = _table!.Column(input.Column!);
        var fallback = input.Missing is null ? (float?)null : float.Parse(input.Missing, CultureInfo.InvariantCulture);
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            var row = _rows[start + i];
            var text = column[row];
            if (text is null)
            {
                values[i] = fallback ?? throw new SuiteDataException($"row {row + 1}: '{input.Column}' is missing and the suite declares no value for it");
            }
            else if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                values[i] = value;
            }
            else
            {
                throw new SuiteDataException($"row {row + 1}: '{input.Column}' = '{text}' is not a number");
            }
        }

        return values;
    }

    /// <summary>The text values of a column for rows [start, start + count).</summary>
    public string[] Strings(ModelInputSpec input, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(input);
        var column = _table!.Column(input.Column!);
        var values = new string[count];
        for (var i = 0; i < count; i++)
        {
            var row = _rows[start + i];
            values[i] = column[row] ?? input.Missing ?? throw new SuiteDataException($"row {row + 1}: '{input.Column}' is missing and the suite declares no value for it");
        }

        return values;
    }

    /// <summary>Items [start, start + count) as floats, each multiplied by the declared scale.</summary>
    public float[] Items(int start, int count)
    {
        var length = _items!.ItemLength;
        var values = new float[count * length];
        var scale = (float)Spec.Data.Idx!.Scale;
        for (var i = 0; i < count; i++)
        {
            var item = values.AsSpan(i * length, length);
            _items.CopyItem(_rows[start + i], item);
            if (scale != 1f)
            {
                foreach (ref var v in item)
                {
                    v *= scale;
                }
            }
        }

        return values;
    }

    /// <summary>The level code of every row for a sensitive feature; a value outside the declared levels is an error.</summary>
    public int[] LevelCodes(SensitiveSpec feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var column = _table!.Column(feature.Column);
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < feature.Levels.Count; i++)
        {
            lookup[feature.Levels[i]] = i;
        }

        var codes = new int[Count];
        for (var i = 0; i < codes.Length; i++)
        {
            var value = column[_rows[i]];
            codes[i] = value is not null && lookup.TryGetValue(value, out var code)
                ? code
                : throw new SuiteDataException($"row {_rows[i] + 1}: '{feature.Column}' = '{value ?? "(missing)"}' is not one of the declared levels {string.Join(", ", feature.Levels)}");
        }

        return codes;
    }

    private static int[] Filter(IReadOnlyList<RowFilter> filters, CsvTable table)
    {
        var keep = new List<int>(table.RowCount);
        var columns = filters.Select(f => table.Column(f.Column)).ToList();
        for (var row = 0; row < table.RowCount; row++)
        {
            var ok = true;
            for (var f = 0; f < filters.Count && ok; f++)
            {
                ok = Matches(filters[f], columns[f][row]);
            }

            if (ok)
            {
                keep.Add(row);
            }
        }

        return [.. keep];
    }

    private static bool Matches(RowFilter filter, string? value)
    {
        switch (filter.Operator)
        {
            case FilterOperator.In:
                return value is not null && filter.Values.Contains(value, StringComparer.Ordinal);
            case FilterOperator.NotIn:
                return value is null || !filter.Values.Contains(value, StringComparer.Ordinal);
        }

        if (value is null || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        return filter.Operator switch
        {
            FilterOperator.LessThan => number < filter.Number,
            FilterOperator.AtMost => number <= filter.Number,
            FilterOperator.GreaterThan => number > filter.Number,
            FilterOperator.AtLeast => number >= filter.Number,
            FilterOperator.AbsoluteAtMost => Math.Abs(number) <= filter.Number,
            _ => false,
        };
    }

    private static int BinaryLabel(LabelSpec label, string? value, int row)
    {
        if (value is not null && label.Positive.Contains(value, StringComparer.Ordinal))
        {
            return 1;
        }

        if (value is not null && label.Negative.Contains(value, StringComparer.Ordinal))
        {
            return 0;
        }

        throw new SuiteDataException(
            $"row {row + 1}: label '{label.Column}' = '{value ?? "(missing)"}' is neither positive ({string.Join(", ", label.Positive)}) nor negative ({string.Join(", ", label.Negative)})");
    }

    private static int ClassLabel(LabelSpec label, string? value, int row) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) && k >= 0 && k < label.Classes
            ? k
            : throw new SuiteDataException($"row {row + 1}: label '{label.Column}' = '{value ?? "(missing)"}' is not a class from 0 to {label.Classes - 1}");

    private static string? Sanitize(string? key) => key?.Replace(',', ';').Replace('\n', ' ').Replace('\r', ' ');
}
