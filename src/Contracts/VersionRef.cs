using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ModelGrid;

/// <summary>What a version reference names: a number, a revision id, or an alias.</summary>
public enum VersionRefKind
{
    /// <summary>A version number: 1, 2, 3 …</summary>
    Number,

    /// <summary>A revision id: the SHA-256 of the canonical manifest, 64 hex digits or its first 40.</summary>
    RevisionId,

    /// <summary>An alias such as <c>latest</c> or <c>stable</c>.</summary>
    Alias,
}

/// <summary>A parsed reference to a version of a model: a number, a revision id (40 or 64 hex) or an alias.</summary>
public sealed record VersionRef(
    VersionRefKind Kind,
    string Value)
{
    /// <summary>The largest version number: numbers have at most nine digits, so 40 or 64 digits are always a revision id.</summary>
    public const int MaxNumber = 999_999_999;

    /// <summary>The reference that always means the newest standing version.</summary>
    public static readonly VersionRef Latest = new(VersionRefKind.Alias, "latest");

    /// <summary>The version number, when <see cref="Kind"/> is <see cref="VersionRefKind.Number"/>.</summary>
    public int Number => Kind == VersionRefKind.Number ? int.Parse(Value, CultureInfo.InvariantCulture) : 0;

    /// <summary>Parses a reference: digits are a version number, 40 or 64 lowercase hex a revision id, anything else an alias.</summary>
    /// <param name="value">The text of the reference.</param>
    /// <param name="reference">The parsed reference.</param>
    /// <param name="error">Why the text is not a reference.</param>
    public static bool TryParse(string? value, [NotNullWhen(true)] out VersionRef? reference, [NotNullWhen(false)] out string? error)
    {
        reference = null;
        if (string.IsNullOrEmpty(value))
        {
            error = "the version reference is empty";
            return false;
        }

        // 40 or 64 hex digits are a revision id even when all are digits: version numbers have at most 9.
        if (Names.LooksLikeRevisionId(value))
        {
            reference = new VersionRef(VersionRefKind.RevisionId, value);
            error = null;
            return true;
        }

        if (value.All(char.IsAsciiDigit))
        {
            if (value.Length > 9 || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                error = NotANumber(value);
                return false;
            }

            reference = new VersionRef(VersionRefKind.Number, n.ToString(CultureInfo.InvariantCulture));
            error = null;
            return true;
        }

        if (Names.ReservedAliases.Contains(value) || Names.IsValidUserAlias(value))
        {
            reference = new VersionRef(VersionRefKind.Alias, value);
            error = null;
            return true;
        }

        error = $"'{value}' is neither a version number, a revision id (40 or 64 lowercase hex) nor an alias";
        return false;
    }

    /// <summary>The one-line reason why <paramref name="value"/>, all digits, is not a version number.</summary>
    /// <param name="value">The text that was given as a version number.</param>
    public static string NotANumber(string value) =>
        $"'{value}' is not a version number: numbers run from 1 to {MaxNumber.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Parses a version number (1 to <see cref="MaxNumber"/>, digits only), as the CLI and query strings give it.</summary>
    /// <param name="value">The text of the number.</param>
    /// <param name="number">The number.</param>
    public static bool TryParseNumber(string? value, out int number)
    {
        number = 0;
        return value is { Length: > 0 and <= 9 }
            && value.All(char.IsAsciiDigit)
            && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number >= 1;
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
