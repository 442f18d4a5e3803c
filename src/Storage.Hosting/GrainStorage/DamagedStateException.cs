namespace ModelGrid.Storage.GrainStorage;

/// <summary>
/// A grain's state record exists but cannot be read: empty, cut short, not JSON, or JSON of another shape. It names
/// the record and what is wrong with it, and is an <see cref="OrleansException"/> so Orleans hands it to the caller
/// as it is. Only the grain that owns the record fails; its bytes are left in place for an administrator.
/// </summary>
[GenerateSerializer, Alias("grid.DamagedStateException")]
public sealed class DamagedStateException : OrleansException
{
    /// <summary>Creates the error.</summary>
    /// <param name="record">The record's name in its store, e.g. <c>state/model-model/alice%2Fx.json</c>.</param>
    /// <param name="problem">What is wrong, completing "state record '…' …", e.g. "is empty (0 bytes)".</param>
    /// <param name="grainType">The type of the grain that owns the record, e.g. <c>model</c>.</param>
    /// <param name="grainKey">The key of that grain, e.g. <c>alice/x</c>.</param>
    public DamagedStateException(string record, string problem, string grainType, string grainKey)
        : base($"state record '{record}' {problem}")
    {
        Record = record;
        Problem = problem;
        GrainType = grainType;
        GrainKey = grainKey;
    }

    /// <summary>The record's name in its store.</summary>
    [Id(0)] public string Record { get; }

    /// <summary>What is wrong with it.</summary>
    [Id(1)] public string Problem { get; }

    /// <summary>The type of the grain that owns the record.</summary>
    [Id(2)] public string GrainType { get; }

    /// <summary>The key of the grain that owns the record.</summary>
    [Id(3)] public string GrainKey { get; }
}
