namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>
/// Samples the .NET thread pool (which runs the Orleans scheduler, the worker and the submitter) every 20 ms: how
/// many threads it has and how many work items wait for one. A backlog means calls wait for a thread, not for storage.
/// </summary>
internal sealed class ThreadPoolSampler : IDisposable
{
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private int _samples;
    private long _pendingSum;
    private long _pendingMax;
    private int _threadsMax;

    public ThreadPoolSampler() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));

    public ThreadPoolLoad Load
    {
        get
        {
            lock (_gate)
            {
                return new ThreadPoolLoad(_threadsMax, _samples == 0 ? 0 : (double)_pendingSum / _samples, _pendingMax);
            }
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var threads = ThreadPool.ThreadCount;
        var pending = ThreadPool.PendingWorkItemCount;
        lock (_gate)
        {
            _samples++;
            _pendingSum += pending;
            _pendingMax = Math.Max(_pendingMax, pending);
            _threadsMax = Math.Max(_threadsMax, threads);
        }
    }
}
