using System.Globalization;

namespace ModelGrid.Evaluation.Runtime;

/// <summary>The numeric outputs of the fixed inputs, to compare later runs with so a fast wrong answer is caught.</summary>
internal sealed record GoldenOutputs(IReadOnlyList<string> Names, IReadOnlyList<float[]> Values)
{
    private const double SmallestCompared = 1e-6;

    /// <summary>Null when <paramref name="other"/> agrees (bitwise, or within <paramref name="tolerance"/> relative), otherwise the first difference.</summary>
    public string? Difference(GoldenOutputs other, double tolerance)
    {
        for (var o = 0; o < Names.Count; o++)
        {
            var expected = Values[o];
            var actual = other.Values[o];
            if (expected.Length != actual.Length)
            {
                return string.Create(CultureInfo.InvariantCulture, $"output '{Names[o]}' has {actual.Length} elements where the golden run gave {expected.Length}");
            }

            for (var i = 0; i < expected.Length; i++)
            {
                var (e, a) = (expected[i], actual[i]);
                if (BitConverter.SingleToInt32Bits(e) == BitConverter.SingleToInt32Bits(a))
                {
                    continue;
                }

                var scale = Math.Max(Math.Max(Math.Abs((double)e), Math.Abs((double)a)), SmallestCompared);
                var relative = Math.Abs((double)e - a) / scale;
                if (!(relative <= tolerance))
                {
                    return string.Create(CultureInfo.InvariantCulture,
                        $"output '{Names[o]}' element {i} is {a:R} where the golden run gave {e:R} (relative difference {relative:E2} > {tolerance:E0})");
                }
            }
        }

        return null;
    }
}
