using ModelGrid.Evaluation.Runtime;

namespace ModelGrid.Benchmarks.Fairness;

/// <summary>
/// Seeded synthetic rows of a binary classifier scored on three groups of unequal size, with base rates, true and
/// false positive rates of the kind a credit or screening model shows (different per group, so the disparities are
/// not zero): group A 55 % of the rows, 30 % positives, TPR 0.80, FPR 0.10; B 35 %, 25 %, 0.72, 0.12; C 10 %, 40 %,
/// 0.65, 0.16.
/// </summary>
public sealed class SyntheticRows
{
    public static IReadOnlyList<string> Levels { get; } = ["A", "B", "C"];

    private static readonly double[] Shares = [0.55, 0.35, 0.10];
    private static readonly double[] BaseRates = [0.30, 0.25, 0.40];
    private static readonly double[] TruePositiveRates = [0.80, 0.72, 0.65];
    private static readonly double[] FalsePositiveRates = [0.10, 0.12, 0.16];

    private SyntheticRows(int[] groups, int[] labels, int[] predictions)
    {
        Groups = groups;
        Labels = labels;
        Predictions = predictions;
    }

    /// <summary>The group code of each row (index into <see cref="Levels"/>).</summary>
    public int[] Groups { get; }

    public int[] Labels { get; }

    public int[] Predictions { get; }

    public int Count => Groups.Length;

    public static SyntheticRows Generate(int rows, ulong seed)
    {
        var random = new SplitMix64(seed);
        var (groups, labels, predictions) = (new int[rows], new int[rows], new int[rows]);
        for (var i = 0; i < rows; i++)
        {
            var u = random.NextDouble();
            var g = u < Shares[0] ? 0 : u < Shares[0] + Shares[1] ? 1 : 2;
            var y = random.NextDouble() < BaseRates[g] ? 1 : 0;
            var p = random.NextDouble() < (y == 1 ? TruePositiveRates[g] : FalsePositiveRates[g]) ? 1 : 0;
            (groups[i], labels[i], predictions[i]) = (g, y, p);
        }

        return new SyntheticRows(groups, labels, predictions);
    }

    /// <summary>Writes the scratch file the numpy scripts load: three int8 arrays of <see cref="Count"/> values (groups, labels, predictions).</summary>
    public void WriteInt8(string path)
    {
        var bytes = new byte[3 * Count];
        for (var i = 0; i < Count; i++)
        {
            bytes[i] = (byte)Groups[i];
            bytes[Count + i] = (byte)Labels[i];
            bytes[(2 * Count) + i] = (byte)Predictions[i];
        }

        File.WriteAllBytes(path, bytes);
    }
}
