namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>Where the silo keeps grain state and the queue partitions' logs during a cell.</summary>
public enum DispatchStore
{
    /// <summary>The embedded store: <c>FileGrainStorage</c> and the folder blob store, durable (fsync), as in production.</summary>
    Embedded,

    /// <summary>Orleans' Azure blob grain storage and the Azure blob store, on a fresh Azurite.</summary>
    Azurite,
}
