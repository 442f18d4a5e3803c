using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Suites;

/// <summary>The fairness, bootstrap, throughput and limits parts of a suite.</summary>
public static partial class SuiteLoader
{
    internal static FairnessSpec ReadFairness(YamlObject fairness, DataSpec data)
    {
        if (data.Format != DataFormat.Csv)
        {
            throw fairness.Error("sensitive", "needs named columns: only CSV data carry sensitive features");
        }

        var sensitive = new List<SensitiveSpec>();
        foreach (var feature in fairness.Objects("sensitive"))
        {
            var column = feature.RequiredString("column");
            var levels = feature.Strings("levels");
            if (levels.Count < 2 || levels.Distinct(StringComparer.Ordinal).Count() != levels.Count)
            {
                throw feature.Error("levels", "must list every value of the column, at least two and each once");
            }

            var privileged = feature.OptionalString("privileged");
            if (privileged is not null && !levels.Contains(privileged, StringComparer.Ordinal))
            {
                throw feature.Error("privileged", $"'{privileged}' is not one of the levels");
            }

            feature.Done();
            sensitive.Add(new SensitiveSpec(column, levels, privileged));
        }

        if (sensitive.Count == 0)
        {
            throw fairness.Error("sensitive", "must declare at least one sensitive feature");
        }

        var intersections = fairness.StringLists("intersections");
        foreach (var combination in intersections)
        {
            if (combination.Count < 2 || combination.Distinct(StringComparer.Ordinal).Count() != combination.Count
                || combination.Any(c => !sensitive.Any(s => s.Column == c)))
            {
                throw fairness.Error("intersections", $"[{string.Join(", ", combination)}] must combine two or more different declared sensitive features");
            }
        }

        // Required: a suite whose positive label is the harmful outcome (COMPAS) would otherwise get AIF360 figures that
        // read the opposite way from AIF360's own on the same data.
        if (!fairness.Has("favourable"))
        {
            throw fairness.Error(
                "favourable",
                "is required for a bias suite: say which prediction AIF360's metrics count as favourable, positive (ŷ = 1) or negative (ŷ = 0)");
        }

        var spec = new FairnessSpec(
            sensitive,
            intersections,
            fairness.Int("minimum-group-size", FairnessOptions.DefaultMinimumGroupSize, 0, int.MaxValue),
            fairness.Enum("zero-division", ZeroDivisionPolicy.NaN, ("nan", ZeroDivisionPolicy.NaN), ("fairlearn", ZeroDivisionPolicy.FairlearnCompat)),
            fairness.Enum("favourable", FavourableOutcome.Positive, ("positive", FavourableOutcome.Positive), ("negative", FavourableOutcome.Negative)),
            fairness.OptionalString("favourable-meaning"));
        fairness.Done();
        return spec;
    }

    internal static BootstrapSpec ReadBootstrap(YamlObject bootstrap)
    {
        var spec = new BootstrapSpec(
            bootstrap.Int("replicates", BootstrapOptions.MinimumReplicates, BootstrapOptions.MinimumReplicates, BootstrapOptions.MaximumReplicates),
            bootstrap.ULong("seed", 0),
            bootstrap.Double("confidence", 0.95, 0.5, 0.999));
        bootstrap.Done();
        return spec;
    }

    internal static ThroughputSpec ReadThroughput(YamlObject throughput)
    {
        var batches = ReadPositiveInts(throughput, "batch-sizes", [1, 8, 32], 65_536);
        var threads = ReadPositiveInts(throughput, "threads", [1, 2], 256);
        var spec = new ThroughputSpec(
            batches,
            threads,
            throughput.Int("seed", 0, 0, int.MaxValue),
            throughput.Int("window-iterations", 50, 1, 1_000_000),
            throughput.Int("max-warmup-windows", 40, 3, 10_000),
            throughput.Double("tolerance", 0.05, 0, 1),
            throughput.Int("measure-iterations", 500, 1, 10_000_000),
            throughput.StringListMap("strings"));
        throughput.Done();
        return spec;
    }

    private static SuiteLimits ReadLimits(YamlObject limits)
    {
        var spec = new SuiteLimits(limits.Duration("wall-clock", SuiteLimits.MinWallClock, SuiteLimits.MaxWallClock), limits.ByteSize("memory", SuiteLimits.MinMemoryBytes, SuiteLimits.MaxMemoryBytes));
        if (spec.WallClock is null && spec.MemoryBytes is null)
        {
            throw limits.Error("wall-clock", "or memory must be given when limits is");
        }

        limits.Done();
        return spec;
    }

    private static IReadOnlyList<int> ReadPositiveInts(YamlObject node, string key, IReadOnlyList<int> fallback, int max)
    {
        var texts = node.Strings(key);
        if (texts.Count == 0)
        {
            return fallback;
        }

        var values = new List<int>();
        foreach (var text in texts)
        {
            if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < 1 || value > max)
            {
                throw node.Error(key, $"must hold whole numbers from 1 to {max}, not '{text}'");
            }

            values.Add(value);
        }

        return values.Distinct().Count() == values.Count ? values : throw node.Error(key, "must not repeat a value");
    }
}
