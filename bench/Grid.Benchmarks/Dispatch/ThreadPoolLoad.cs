namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>The thread pool over one phase: most threads, and work items waiting for a thread (mean and most of the 20 ms samples).</summary>
public sealed record ThreadPoolLoad(int ThreadsMax, double PendingMean, long PendingMax);
