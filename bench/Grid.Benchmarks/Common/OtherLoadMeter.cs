using System.Diagnostics;

namespace ModelGrid.Benchmarks.Common;

/// <summary>
/// The CPU time spent during the run that is not charged to the benchmark's own processes: the machine's busy time
/// (<c>/proc/stat</c>) minus this process, the tools it ran and waited for (curl, openssl, dd), the servers, and the
/// process that launched it (<c>dotnet run</c>, whose build nodes may still be winding down). What remains is other
/// workloads plus kernel threads (writeback, ksoftirqd); on a quiet machine it stays small.
/// </summary>
public sealed class OtherLoadMeter
{
    private readonly double _busyAtStart;
    private readonly double _ownAtStart;
    private readonly Stopwatch _clock;

    private OtherLoadMeter(double busyAtStart, double ownAtStart)
    {
        _busyAtStart = busyAtStart;
        _ownAtStart = ownAtStart;
        _clock = Stopwatch.StartNew();
    }

    /// <summary>Starts counting; the servers measured later must start after this.</summary>
    public static async Task<OtherLoadMeter> StartAsync(CancellationToken cancellationToken) =>
        new(await SystemLoad.BusySecondsAsync(cancellationToken), Own());

    /// <summary>The share of all cores used by others since the start, given the servers' processes (still running).</summary>
    public async Task<double> OtherShareAsync(IEnumerable<int> serverPids, CancellationToken cancellationToken)
    {
        var busy = await SystemLoad.BusySecondsAsync(cancellationToken) - _busyAtStart;
        var ours = Own() - _ownAtStart + ProcessCpu.Seconds(serverPids);
        return Math.Max(0, busy - ours) / (_clock.Elapsed.TotalSeconds * Environment.ProcessorCount);
    }

    private static double Own()
    {
        var self = Environment.ProcessId;
        var parent = ProcessCpu.ParentId(self);
        return ProcessCpu.Seconds(self) + ProcessCpu.ReapedChildrenSeconds(self) + ProcessCpu.Seconds(parent) + ProcessCpu.ReapedChildrenSeconds(parent);
    }
}
