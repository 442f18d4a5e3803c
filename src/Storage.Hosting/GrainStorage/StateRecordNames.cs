using System.Text;

namespace ModelGrid.Storage.GrainStorage;

/// <summary>
/// The name of a grain's state record: <c>state/{stateName}-{grainType}/{key}.json</c>, as Orleans' blob provider
/// names its blobs, with the key escaped so any key is one safe file name (bytes other than letters, digits,
/// '-', '_' and '.' become %XX).
/// </summary>
public static class StateRecordNames
{
    /// <summary>The folder (blob prefix) of all grain state.</summary>
    public const string Prefix = "state/";

    /// <summary>The record name of a grain's state.</summary>
    /// <param name="stateName">The state name from <c>[PersistentState]</c>.</param>
    /// <param name="grainType">The grain type, e.g. <c>model</c>.</param>
    /// <param name="key">The grain key.</param>
    public static string For(string stateName, string grainType, string key) =>
        $"{Prefix}{Escape(stateName)}-{Escape(grainType)}/{Escape(key)}.json";

    /// <summary>Escapes a string into one file-name-safe segment.</summary>
    /// <param name="value">The string.</param>
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (c == '.' && builder.Length > 0))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Reverses <see cref="Escape"/>.</summary>
    /// <param name="segment">An escaped segment.</param>
    public static string Unescape(string segment)
    {
        var bytes = new List<byte>(segment.Length);
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] == '%' && i + 2 < segment.Length && byte.TryParse(segment.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.Add((byte)segment[i]);
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }
}
