namespace ModelGrid.Benchmarks.Common;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014), the same sequence as the grid's own (internal) generator: the benchmarks
/// draw their inputs and synthetic rows with it, so a seed gives the same data on every machine and runtime.
/// </summary>
public struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A double in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
