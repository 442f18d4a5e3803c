namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>
/// The figures of <c>specs/dispatch-notes.md</c> (scratch probe, P = 16 partitions, 10,000 no-op jobs, medians of 3
/// runs on a busy machine) that a cell compares with: jobs/s and lease p50 in ms by worker loops.
/// </summary>
internal static class DispatchNotes
{
    /// <summary>The baseline design (queue index rewritten per operation): "filesync" for the embedded store, "azure (Azurite)".</summary>
    public static (double JobsPerSecond, double LeaseP50Ms)? Baseline(DispatchStore store, int loops) => (store, loops) switch
    {
        (DispatchStore.Embedded, 1) => (334, 1.3),
        (DispatchStore.Embedded, 4) => (463, 3.6),
        (DispatchStore.Embedded, 16) => (485, 2.3),
        (DispatchStore.Azurite, 1) => (161, 2.2),
        (DispatchStore.Azurite, 4) => (196, 8.3),
        (DispatchStore.Azurite, 16) => (204, 34),
        _ => null,
    };

    /// <summary>The upper bound at 16 loops with the queue's index not persisted at all.</summary>
    public static (double JobsPerSecond, double LeaseP50Ms)? NotPersisted(DispatchStore store, int loops) => (store, loops) switch
    {
        (DispatchStore.Embedded, 16) => (1004, 1.3),
        (DispatchStore.Azurite, 16) => (530, 12),
        _ => null,
    };
}
