using System.Globalization;

namespace ModelGrid.Silo.Web;

/// <summary>How the pages write dates, sizes and numbers: the same everywhere, invariant culture, UTC.</summary>
public static class WebFormat
{
    /// <summary>A date and time in UTC, to the minute: <c>2026-03-01 14:05 UTC</c>.</summary>
    /// <param name="value">The time.</param>
    public static string Date(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>An ISO 8601 timestamp for a <c>datetime</c> attribute.</summary>
    /// <param name="value">The time.</param>
    public static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A size in bytes as people read it: <c>26.5 kB</c>, with the exact count for titles.</summary>
    /// <param name="bytes">The size.</param>
    public static string Size(long bytes)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary>A metric's value with six decimals at most.</summary>
    /// <param name="value">The value.</param>
    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
