namespace ModelGrid.Evaluation.Running;

/// <summary>What the machine is, for the record of a result.</summary>
internal static class MachineInfo
{
    private static readonly Lazy<string> CpuName = new(ReadCpu);

    /// <summary>The CPU model (Linux: <c>/proc/cpuinfo</c>'s model name), or the architecture.</summary>
    public static string Cpu => CpuName.Value;

    private static string ReadCpu()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (File.Exists(cpuInfo))
        {
            foreach (var line in File.ReadLines(cpuInfo))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
                {
                    return line[(colon + 1)..].Trim();
                }
            }
        }

        return System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString();
    }
}
