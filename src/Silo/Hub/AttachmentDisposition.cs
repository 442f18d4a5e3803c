using System.Globalization;
using System.Text;

namespace ModelGrid.Silo.Hub;

/// <summary>
/// The <c>Content-Disposition</c> of a download (RFC 6266): header values are ASCII (Kestrel refuses anything else),
/// so a name that is not plain ASCII goes in <c>filename*</c> as UTF-8, percent-encoded (RFC 8187), with an ASCII
/// <c>filename</c> beside it for clients that know only that one.
/// </summary>
public static class AttachmentDisposition
{
    public static string For(string fileName)
    {
        var fallback = new StringBuilder(fileName.Length);
        foreach (var rune in fileName.EnumerateRunes())
        {
            // One '_' per character, not per UTF-16 unit or byte; the quote, backslash and '%' would need escaping
            // that not every client undoes.
            fallback.Append(rune.Value is >= 0x20 and < 0x7F and not ('"' or '\\' or '%') ? (char)rune.Value : '_');
        }

        var ascii = fallback.ToString();
        return ascii == fileName
            ? $"attachment; filename=\"{ascii}\""
            : $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Encode(fileName)}";
    }

    /// <summary>RFC 8187 <c>value-chars</c>: attr-chars as they are, every other byte of the UTF-8 form as %XX.</summary>
    private static string Encode(string value)
    {
        var encoded = new StringBuilder(value.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '&' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~')
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
