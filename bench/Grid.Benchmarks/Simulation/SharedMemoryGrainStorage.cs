using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Storage;

namespace ModelGrid.Benchmarks.Simulation;

/// <summary>
/// Grain state for every silo of the simulation, in this process's memory: the state object itself is kept (a grain
/// has one activation, and none is collected during a run), with ETags checked as the real providers do. Storage
/// costs nothing here, so what the simulation measures is the protocol's own cost — messages, turns, scheduling —
/// and how many writes it makes, which are counted by state name.
/// </summary>
internal sealed class SharedMemoryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), (object Value, string ETag)> _records = new();
    private readonly ConcurrentDictionary<string, int> _writes = new(StringComparer.Ordinal);
    private long _etag;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_records.TryGetValue((stateName, grainId), out var record))
        {
            grainState.State = (T)record.Value;
            grainState.ETag = record.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var etag = Interlocked.Increment(ref _etag).ToString(CultureInfo.InvariantCulture);
        var value = (object)grainState.State!;
        var stored = grainState.ETag is null
            ? _records.TryAdd(key, (value, etag))
            : _records.TryGetValue(key, out var current) && current.ETag == grainState.ETag && _records.TryUpdate(key, (value, etag), current);
        if (!stored)
        {
            throw new InconsistentStateException($"state {stateName} of {grainId} changed underneath", "Unknown", grainState.ETag);
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
        _writes.AddOrUpdate(stateName, 1, static (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _records.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        _writes.AddOrUpdate(stateName, 1, static (_, n) => n + 1);
        return Task.CompletedTask;
    }

    /// <summary>Writes and clears by state name since the last call, which start again from zero.</summary>
    public Dictionary<string, int> TakeWrites()
    {
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in _writes.Keys)
        {
            if (_writes.TryRemove(key, out var count))
            {
                taken[key] = count;
            }
        }

        return taken;
    }
}
