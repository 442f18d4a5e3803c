using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Running;

/// <summary>
/// Holds one run to its <see cref="RunLimits"/>: <see cref="Token"/> is cancelled when the caller cancels, when the
/// wall-clock limit passes, or when a sample of the process's working set shows it grew past the memory ceiling
/// since the run started. Which limit tripped is known before the token is cancelled, so whoever observes the
/// cancellation can say why.
/// </summary>
internal sealed class RunGuard : IDisposable
{
    private readonly RunLimits _limits;
    private readonly Func<long> _workingSet;
    private readonly long _baseline;
    private readonly CancellationTokenSource _tripped = new();
    private readonly CancellationTokenSource _linked;
    private readonly ITimer _wallClock;
    private readonly ITimer _sampler;
    private readonly Lock _gate = new();
    private long _peakGrowth;
    private string? _exceeded;
    private bool _disposed;

    /// <param name="limits">The limits.</param>
    /// <param name="time">The clock of the wall-clock limit.</param>
    /// <param name="sampleInterval">How often the working set is sampled (always on the real clock: it measures the machine).</param>
    /// <param name="workingSet">Reads the process's working set in bytes.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public RunGuard(RunLimits limits, TimeProvider time, TimeSpan sampleInterval, Func<long> workingSet, CancellationToken cancellationToken)
    {
        _limits = limits;
        _workingSet = workingSet;
        _baseline = workingSet();
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _tripped.Token);
        _wallClock = time.CreateTimer(_ => Trip($"the run exceeded its wall-clock limit of {Quantities.Duration(limits.WallClock)}"), null, limits.WallClock, Timeout.InfiniteTimeSpan);
        _sampler = TimeProvider.System.CreateTimer(_ => Sample(), null, sampleInterval, sampleInterval);
    }

    /// <summary>Cancelled when the caller cancels or a limit is exceeded.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>Why the run was stopped by a limit, or null while no limit was exceeded.</summary>
    public string? Exceeded => Volatile.Read(ref _exceeded);

    /// <summary>The largest growth of the working set over the run's start that a sample saw.</summary>
    public long PeakGrowth => Interlocked.Read(ref _peakGrowth);

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _wallClock.Dispose();
        _sampler.Dispose();
        _linked.Dispose();
        _tripped.Dispose();
    }

    private void Sample()
    {
        var growth = _workingSet() - _baseline;
        long peak;
        while (growth > (peak = Interlocked.Read(ref _peakGrowth)) && Interlocked.CompareExchange(ref _peakGrowth, growth, peak) != peak)
        {
        }

        if (growth > _limits.MemoryBytes)
        {
            Trip($"the run exceeded its memory ceiling of {Quantities.Bytes(_limits.MemoryBytes)} (peak {Quantities.Bytes(PeakGrowth)} above its start)");
        }
    }

    private void Trip(string reason)
    {
        lock (_gate)
        {
            if (_disposed || _exceeded is not null)
            {
                return;
            }

            Volatile.Write(ref _exceeded, reason);
            _tripped.Cancel();
        }
    }
}
