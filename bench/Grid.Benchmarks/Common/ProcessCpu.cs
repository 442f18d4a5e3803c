using System.Globalization;

namespace ModelGrid.Benchmarks.Common;

/// <summary>CPU time and memory of server processes, read from <c>/proc</c> (Linux only).</summary>
public static class ProcessCpu
{
    /// <summary>USER_HZ, the unit of the times in <c>/proc/&lt;pid&gt;/stat</c>: 100 on every Linux architecture .NET runs on.</summary>
    public const double TicksPerSecond = 100;

    /// <summary>User plus system CPU seconds of all threads of the processes so far.</summary>
    public static double Seconds(IEnumerable<int> pids) => pids.Sum(Seconds);

    /// <summary>User plus system CPU seconds of all threads of one process so far (fields 14 and 15 of its stat line).</summary>
    public static double Seconds(int pid) => Fields(pid, 11, 12);

    /// <summary>User plus system CPU seconds of the process's children that it has waited for (fields 16 and 17).</summary>
    public static double ReapedChildrenSeconds(int pid) => Fields(pid, 13, 14);

    /// <summary>The process that started this one (field 4).</summary>
    public static int ParentId(int pid) => int.Parse(StatFields(pid)[1], CultureInfo.InvariantCulture);

    private static double Fields(int pid, int first, int second)
    {
        var fields = StatFields(pid);
        return (long.Parse(fields[first], CultureInfo.InvariantCulture) + long.Parse(fields[second], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    private static string[] StatFields(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one (field 3 is index 0).
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    /// <summary>The direct children of a process (nginx's workers under its master).</summary>
    public static IReadOnlyList<int> Children(int pid)
    {
        var path = $"/proc/{pid}/task/{pid}/children";
        return File.Exists(path)
            ? [.. File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))]
            : [];
    }

    /// <summary>A process's peak resident memory (VmHWM) in bytes.</summary>
    public static long PeakResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kib = line["VmHWM:".Length..].Trim().Split(' ')[0];
        return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
    }
}
