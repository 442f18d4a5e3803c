using System.Globalization;
using System.Text;

namespace ModelGrid.Client.Cli;

/// <summary>
/// Text that came from a hub — cards, descriptions, names, reasons, logs, error details — as it may be shown on a
/// terminal: every character a terminal would act on instead of print is written out visibly (<c>\x1b</c>,
/// <c>\u202e</c>), so a publisher can neither clear the screen, set a window title, move the cursor or overwrite a
/// line, nor reorder what is shown. Kept: printable text, newline and tab; a CR directly before LF is dropped.
/// Escaped: the other C0 controls (ESC starts every CSI and OSC sequence), DEL, the C1 controls U+0080–U+009F (a
/// CSI of its own on some terminals), and the bidirectional embeddings, overrides and isolates.
/// </summary>
public static class TerminalText
{
    /// <summary>Whether a terminal would act on <paramref name="c"/> rather than print it.</summary>
    /// <param name="c">The character.</param>
    public static bool IsControl(char c) =>
        (c < ' ' && c is not '\n' and not '\t')
        || c is >= '\u007f' and <= '\u009f'
        || c is >= '\u202a' and <= '\u202e'
        || c is >= '\u2066' and <= '\u2069';

    /// <summary>The visible form of a control character: <c>\xHH</c> up to U+00FF, <c>\uHHHH</c> above.</summary>
    /// <param name="c">The character.</param>
    public static string Escape(char c) =>
        c <= '\u00ff'
            ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}")
            : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");

    /// <summary><paramref name="text"/> with every control character written out visibly; null gives an empty string.</summary>
    /// <param name="text">Text from the hub.</param>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (IsControl(c))
            {
                builder.Append(Escape(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary><see cref="Safe"/> text, escaped for Spectre.Console markup (a table cell, a progress line).</summary>
    /// <param name="text">Text from the hub.</param>
    public static string Markup(string? text) => Spectre.Console.Markup.Escape(Safe(text));

    private static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsControl(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
