using System.Collections.Concurrent;

namespace ModelGrid.Benchmarks.Cluster;

/// <summary>Operations on a silo's reminder table, by operation, counted since the last <see cref="Take"/>.</summary>
internal sealed class TableOps
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(string operation) => _counts.AddOrUpdate(operation, 1, static (_, n) => n + 1);

    /// <summary>The counts so far, which start again from zero.</summary>
    public Dictionary<string, int> Take()
    {
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in _counts.Keys)
        {
            if (_counts.TryRemove(key, out var count))
            {
                taken[key] = count;
            }
        }

        return taken;
    }
}
