using System.Globalization;

namespace ModelGrid;

/// <summary>Durations as people type them: <c>7d</c>, <c>36h</c>, <c>90m</c>, <c>45s</c>, <c>1d12h</c>, or a plain number of seconds.</summary>
public static class Durations
{
    // Six digits per part (999999d is some 2,700 years) keep every sum far inside TimeSpan's range.
    private const int MaxDigits = 6;

    /// <summary>Parses <paramref name="text"/>; false when it is not a positive duration in that form.</summary>
    /// <param name="text">The text, e.g. <c>7d</c>.</param>
    /// <param name="value">The duration.</param>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text) || text.Length > 32)
        {
            return false;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            value = TimeSpan.FromSeconds(seconds);
            return seconds > 0;
        }

        var total = TimeSpan.Zero;
        long number = 0;
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c) && digits < MaxDigits)
            {
                number = (number * 10) + (c - '0');
                digits++;
                continue;
            }

            var unit = c switch
            {
                'd' => TimeSpan.FromDays(1),
                'h' => TimeSpan.FromHours(1),
                'm' => TimeSpan.FromMinutes(1),
                's' => TimeSpan.FromSeconds(1),
                _ => TimeSpan.Zero,
            };
            if (unit == TimeSpan.Zero || digits == 0)
            {
                return false;
            }

            total += unit * number;
            number = 0;
            digits = 0;
        }

        value = total;
        return digits == 0 && total > TimeSpan.Zero;
    }
}
