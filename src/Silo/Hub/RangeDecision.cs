using System.Globalization;
using Microsoft.Net.Http.Headers;
using ModelGrid.Storage.Blobs;

namespace ModelGrid.Silo.Hub;

/// <summary>
/// How to answer a GET with respect to <c>Range</c> and <c>If-Range</c> (RFC 9110 §14): the whole content, one
/// range (206), or 416. A multi-range or malformed header is ignored, which the RFC allows.
/// </summary>
public readonly record struct RangeDecision(RangeOutcome Outcome, ByteRange Range)
{
    public static RangeDecision Decide(HttpRequest request, long length, string etag)
    {
        var full = new RangeDecision(RangeOutcome.Full, new ByteRange(0, length));
        var header = request.Headers.Range.ToString();
        if (string.IsNullOrEmpty(header) || length == 0)
        {
            // An empty file has no byte to address; its whole (empty) content is the friendliest answer.
            return full;
        }

        var ifRange = request.Headers.IfRange.ToString();
        if (!string.IsNullOrEmpty(ifRange) && !string.Equals(ifRange.Trim(), etag, StringComparison.Ordinal))
        {
            // A weak or other validator, or a date: the representation may have changed, so send it whole.
            return full;
        }

        if (!header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            return full;
        }

        var spec = header["bytes=".Length..].Trim();
        if (spec.Contains(',', StringComparison.Ordinal))
        {
            return full;
        }

        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return full;
        }

        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.Length == 0)
        {
            if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var suffix))
            {
                if (last.Length == 0 || !last.All(char.IsAsciiDigit))
                {
                    return full;
                }

                suffix = long.MaxValue;
            }

            if (suffix == 0)
            {
                return Unsatisfiable(length);
            }

            var take = Math.Min(suffix, length);
            return new RangeDecision(RangeOutcome.Partial, new ByteRange(length - take, take));
        }

        if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return first.All(char.IsAsciiDigit) ? Unsatisfiable(length) : full;
        }

        long end;
        if (last.Length == 0)
        {
            end = length - 1;
        }
        else if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out end))
        {
            // More digits than a long holds: past any end, so to the end.
            if (last.Length == 0 || !last.All(char.IsAsciiDigit))
            {
                return full;
            }

            end = long.MaxValue;
        }

        if (start >= length)
        {
            return Unsatisfiable(length);
        }

        if (end < start)
        {
            return full;
        }

        end = Math.Min(end, length - 1);
        return new RangeDecision(RangeOutcome.Partial, new ByteRange(start, end - start + 1));
    }

    public static bool MatchesIfNoneMatch(HttpRequest request, string etag)
    {
        var values = request.Headers.IfNoneMatch;
        if (values.Count == 0)
        {
            return false;
        }

        foreach (var value in values)
        {
            if (EntityTagHeaderValue.TryParseList([value ?? string.Empty], out var tags))
            {
                // If-None-Match uses the weak comparison.
                if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || string.Equals(t.Tag.ToString(), etag, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static RangeDecision Unsatisfiable(long length) => new(RangeOutcome.Unsatisfiable, new ByteRange(0, length));
}

public enum RangeOutcome
{
    Full,
    Partial,
    Unsatisfiable,
}
