using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Tests.Metrics;

/// <summary>Builders for the test vectors.</summary>
internal static class TestData
{
    /// <summary>The careful mode with no minimum group size, for documented vectors with tiny groups.</summary>
    public static FairnessOptions NaNMode { get; } = FairnessOptions.Default with { MinimumGroupSize = 0 };

    /// <summary>A sensitive feature from per-row level names; levels are sorted as numpy.unique sorts them.</summary>
    public static SensitiveFeature Feature(string name, params string[] rows)
    {
        var levels = rows.Distinct().Order(StringComparer.Ordinal).ToArray();
        var codes = rows.Select(r => Array.IndexOf(levels, r)).ToArray();
        return new SensitiveFeature(name, codes, levels);
    }

    /// <summary>Rows whose per-group confusion counts are the given ones (TP rows first, then FP, FN, TN).</summary>
    public static (int[] Labels, int[] Predictions, string[] Groups) Expand(params (string Group, int Tp, int Fp, int Fn, int Tn)[] groups)
    {
        var labels = new List<int>();
        var predictions = new List<int>();
        var names = new List<string>();
        foreach (var (group, tp, fp, fn, tn) in groups)
        {
            foreach (var (count, y, p) in new[] { (tp, 1, 1), (fp, 0, 1), (fn, 1, 0), (tn, 0, 0) })
            {
                labels.AddRange(Enumerable.Repeat(y, count));
                predictions.AddRange(Enumerable.Repeat(p, count));
                names.AddRange(Enumerable.Repeat(group, count));
            }
        }

        return ([.. labels], [.. predictions], [.. names]);
    }

    /// <summary>Reads a comma-separated list of integers ("0,1,1").</summary>
    public static int[] Ints(string csv) => [.. csv.Split(',').Select(int.Parse)];

    /// <summary>Reads a comma-separated list of single-character level names ("a,b,b").</summary>
    public static string[] Names(string csv) => csv.Split(',');
}
