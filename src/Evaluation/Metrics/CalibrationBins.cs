namespace ModelGrid.Evaluation.Metrics;

/// <summary>
/// Equal-width calibration bins over [0, 1]: bin m (0-based) is the interval (m/M, (m+1)/M], the first bin also
/// takes 0. Edges are the doubles m/M, compared directly (not floor(p·M), which would put p = k/M in the upper bin
/// and p = 1 out of range); this is what sklearn's <c>calibration_curve(strategy="uniform")</c> and torchmetrics do.
/// </summary>
internal static class CalibrationBins
{
    public static int Of(double p, int bins)
    {
        var b = (int)(p * bins);
        b = Math.Clamp(b, 0, bins - 1);
        while (b > 0 && p <= (double)b / bins)
        {
            b--;
        }

        while (b < bins - 1 && p > (double)(b + 1) / bins)
        {
            b++;
        }

        return b;
    }

    public static void Validate(int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
    }
}
