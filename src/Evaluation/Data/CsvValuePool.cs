namespace ModelGrid.Evaluation.Data;

/// <summary>
/// The distinct values of one column, so that a category repeated on every row ("Male", "Private") is one string,
/// not one per row. Bounded: past <see cref="Capacity"/> distinct values (an id or a continuous column) new values
/// are simply allocated.
/// </summary>
internal sealed class CsvValuePool
{
    internal const int Capacity = 4096;

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public CsvValuePool() => _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> value)
    {
        if (_lookup.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        var created = value.ToString();
        if (_values.Count < Capacity)
        {
            _values.Add(created, created);
        }

        return created;
    }
}
