namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>What <see cref="GrainCallTimer"/> reports to: a one-silo cell's probe, or a cluster silo's.</summary>
internal interface IDispatchObserver
{
    /// <summary>A worker loop received a lease from a queue partition.</summary>
    void LeaseReceived(Guid jobId, long timestamp);

    /// <summary>A job grain accepted a worker's result (its <c>Complete</c> call returned).</summary>
    void JobCompleted();

    /// <summary>A call to one of the grid's grains returned after <paramref name="milliseconds"/>.</summary>
    void CallFinished(string name, double milliseconds);
}
