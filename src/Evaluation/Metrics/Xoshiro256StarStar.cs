using System.Numerics;

namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// xoshiro256** 1.0 (Blackman and Vigna), the bootstrap's pseudo-random generator. It is spelled out here rather
/// than taken from <see cref="Random"/> because the algorithm behind <see cref="Random"/> may change between .NET
/// versions, and a stored seed must reproduce the same confidence intervals bit for bit.
/// </summary>
/// <remarks>
/// Seeding: the four state words are the first four outputs of SplitMix64 started at the 64-bit seed (the seeding
/// the authors recommend); see <see cref="ReplicateStreams"/> for the stream of each bootstrap replicate.
/// </remarks>
internal struct Xoshiro256StarStar
{
    private const double TwoToMinus53 = 1.0 / (1UL << 53);

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("The xoshiro256** state must not be all zero.");
        }

        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
    }

    /// <summary>The generator seeded from <paramref name="seed"/> through SplitMix64.</summary>
    public static Xoshiro256StarStar FromSeed(ulong seed)
    {
        var mixer = seed;
        return new Xoshiro256StarStar(SplitMix64(ref mixer), SplitMix64(ref mixer), SplitMix64(ref mixer), SplitMix64(ref mixer));
    }

    /// <summary>One SplitMix64 step: advances <paramref name="state"/> and returns the mixed output.</summary>
    public static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in the open interval (0, 1): the top 53 bits, shifted by half a step.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * TwoToMinus53;

    /// <summary>A uniform integer in [0, <paramref name="bound"/>) by Lemire's multiply-and-reject method (no modulo bias).</summary>
    public ulong NextBelow(ulong bound)
    {
        var high = Math.BigMul(NextUInt64(), bound, out var low);
        if (low < bound)
        {
            var threshold = (0UL - bound) % bound;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), bound, out low);
            }
        }

        return high;
    }

    /// <summary>
    /// One generator per bootstrap replicate: replicate r is <see cref="FromSeed"/> of the r-th output of a SplitMix64
    /// sequence started at <paramref name="seed"/>. A replicate's draws therefore do not depend on how many draws the
    /// others made, nor on threading; distinct 64-bit seeds put the streams at unrelated points of a 2^256 − 1 period.
    /// </summary>
    public static Xoshiro256StarStar[] ReplicateStreams(ulong seed, int replicates)
    {
        var streams = new Xoshiro256StarStar[replicates];
        var mixer = seed;
        for (var r = 0; r < replicates; r++)
        {
            streams[r] = FromSeed(SplitMix64(ref mixer));
        }

        return streams;
    }
}
