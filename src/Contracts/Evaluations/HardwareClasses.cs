namespace ModelGrid.Evaluations;

/// <summary>The hardware classes a job can ask for; each has its own queue partitions.</summary>
public static class HardwareClasses
{
    /// <summary>Runs on any worker.</summary>
    public const string Cpu = "cpu";

    /// <summary>Runs on workers with a GPU.</summary>
    public const string Gpu = "gpu";

    /// <summary>Whether <paramref name="value"/> is one of the known classes.</summary>
    /// <param name="value">The text to check.</param>
    public static bool IsKnown(string? value) => value is Cpu or Gpu;
}
