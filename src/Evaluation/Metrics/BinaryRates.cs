namespace ModelGrid.Evaluation.Metrics;

/// <summary>The rates of one set of confusion counts (a group, or all rows); NaN where undefined.</summary>
public sealed record BinaryRates
{
    private readonly double[] _values;

    private BinaryRates(double[] values) => _values = values;

    /// <summary>(TP + FP) / n.</summary>
    public double SelectionRate => _values[(int)BinaryRate.SelectionRate];

    /// <summary>TP / P (recall).</summary>
    public double TruePositiveRate => _values[(int)BinaryRate.TruePositiveRate];

    /// <summary>FP / N.</summary>
    public double FalsePositiveRate => _values[(int)BinaryRate.FalsePositiveRate];

    /// <summary>FN / P.</summary>
    public double FalseNegativeRate => _values[(int)BinaryRate.FalseNegativeRate];

    /// <summary>(TP + TN) / n.</summary>
    public double Accuracy => _values[(int)BinaryRate.Accuracy];

    /// <summary>Mean recall over the classes present (sklearn <c>balanced_accuracy_score</c>).</summary>
    public double BalancedAccuracy => _values[(int)BinaryRate.BalancedAccuracy];

    /// <summary>TP / (TP + FP).</summary>
    public double Precision => _values[(int)BinaryRate.Precision];

    /// <summary>TP / P, the same value as <see cref="TruePositiveRate"/>.</summary>
    public double Recall => TruePositiveRate;

    /// <summary>2·TP / (2·TP + FP + FN).</summary>
    public double F1 => _values[(int)BinaryRate.F1];

    /// <summary>The value of one rate.</summary>
    public double this[BinaryRate rate] => _values[(int)rate];

    /// <summary>The rates of <paramref name="counts"/> under <paramref name="policy"/> (see <see cref="ZeroDivisionPolicy"/>).</summary>
    public static BinaryRates Compute(ConfusionCounts counts, ZeroDivisionPolicy policy = ZeroDivisionPolicy.NaN)
    {
        var values = new double[RateMath.RateCount];
        RateMath.Compute(counts.TruePositives, counts.FalsePositives, counts.FalseNegatives, counts.TrueNegatives, policy, values);
        return new BinaryRates(values);
    }

    internal static BinaryRates FromValues(ReadOnlySpan<double> values) => new(values[..RateMath.RateCount].ToArray());

    /// <inheritdoc />
    public bool Equals(BinaryRates? other) =>
        other is not null && _values.AsSpan().SequenceEqual(other._values);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var value in _values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
