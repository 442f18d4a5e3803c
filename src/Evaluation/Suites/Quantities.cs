using System.Globalization;
using System.Text.RegularExpressions;

namespace ModelGrid.Evaluation.Suites;

/// <summary>Durations and byte sizes as suites write them and as failure reasons show them.</summary>
internal static partial class Quantities
{
    private static readonly (string Unit, int Shift)[] BinaryUnits = [("TiB", 40), ("GiB", 30), ("MiB", 20), ("KiB", 10)];

    /// <summary><c>90s</c>, <c>10m</c>, <c>2h</c>, <c>1h30m</c> (hours, minutes, seconds in that order); null when not one.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        var match = DurationPattern().Match(text);
        if (!match.Success || text.Length == 0)
        {
            return null;
        }

        long Part(string name) => match.Groups[name].Success ? long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var seconds = (Part("h") * 3600) + (Part("m") * 60) + Part("s");
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary><c>512MiB</c>, <c>2GiB</c>, <c>1.5GiB</c>, <c>1048576</c> (bytes); null when not one or beyond a long.</summary>
    public static long? ParseBytes(string text)
    {
        var match = BytesPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var number = decimal.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups["u"].Value;
        var shift = unit.Length == 0 || unit == "B" ? 0 : BinaryUnits.Single(u => u.Unit == unit).Shift;
        var bytes = number * (1L << shift);
        return bytes == decimal.Truncate(bytes) && bytes <= long.MaxValue ? (long)bytes : null;
    }

    /// <summary><c>10 min</c>, <c>1 h 30 min</c>, <c>45 s</c>, <c>0.25 s</c>.</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration.Ticks % TimeSpan.TicksPerSecond != 0 || duration < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###} s");
        }

        var parts = new List<string>(3);
        var hours = (long)duration.TotalHours;
        if (hours > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{hours} h"));
        }

        if (duration.Minutes > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{duration.Minutes} min"));
        }

        if (duration.Seconds > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{duration.Seconds} s"));
        }

        return string.Join(' ', parts);
    }

    /// <summary><c>2 GiB</c>, <c>190.4 MiB</c>, <c>512 bytes</c>: the largest binary unit that keeps the number at least 1.</summary>
    public static string Bytes(long bytes)
    {
        foreach (var (unit, shift) in BinaryUnits)
        {
            if (Math.Abs(bytes) >= 1L << shift)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{Math.Round(bytes / (double)(1L << shift), 1, MidpointRounding.AwayFromZero):0.#} {unit}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
    }

    [GeneratedRegex(@"^(?:(?<h>\d{1,6})h)?(?:(?<m>\d{1,8})m)?(?:(?<s>\d{1,10})s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^(?<n>\d{1,19}(?:\.\d{1,6})?)\s?(?<u>B|KiB|MiB|GiB|TiB)?$", RegexOptions.CultureInvariant)]
    private static partial Regex BytesPattern();
}
