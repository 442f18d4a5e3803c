namespace ModelGrid.Benchmarks.Cluster;

/// <summary>Counts the results the workers report accepted in a cell; completes with the last one's timestamp once all are in.</summary>
internal sealed class CompletionCounter(int jobs)
{
    private readonly TaskCompletionSource<long> _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private int _count;
    private long _last;

    public Task<long> AllCompleted => _all.Task;

    public int Count => Volatile.Read(ref _count);

    public void Add(long timestamp)
    {
        lock (_gate)
        {
            _count++;
            _last = Math.Max(_last, timestamp);
            if (_count == jobs)
            {
                _all.TrySetResult(_last);
            }
        }
    }
}
