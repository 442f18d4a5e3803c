using System.Globalization;

namespace ModelGrid.Benchmarks.Common;

/// <summary>How busy the whole machine is (all processes, from <c>/proc/stat</c>): the run reports it, as its figures depend on it.</summary>
public static class SystemLoad
{
    /// <summary>CPU seconds all cores spent not idle since boot, whoever used them.</summary>
    public static async Task<double> BusySecondsAsync(CancellationToken cancellationToken)
    {
        var (total, idle) = await ReadAsync(cancellationToken);
        return (total - idle) / ProcessCpu.TicksPerSecond;
    }

    private static async Task<(long Total, long Idle)> ReadAsync(CancellationToken cancellationToken)
    {
        // "cpu  user nice system idle iowait irq softirq steal …", in USER_HZ ticks since boot.
        var first = (await File.ReadAllLinesAsync("/proc/stat", cancellationToken))[0];
        var ticks = first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        return (ticks.Sum(), ticks[3] + ticks[4]);
    }
}
