using System.Diagnostics.CodeAnalysis;

namespace ModelGrid.Auth;

/// <summary>The text form of <see cref="TokenScopes"/>: a comma-separated list of <c>read</c>, <c>publish</c>, <c>admin</c>.</summary>
public static class ScopeNames
{
    /// <summary>The scope names in their canonical order.</summary>
    public static readonly IReadOnlyList<string> All = ["read", "publish", "admin", "evaluate"];

    /// <summary>Parses a comma-separated list of scope names.</summary>
    /// <param name="text">For example <c>read,publish</c>.</param>
    /// <param name="scopes">The parsed scopes.</param>
    /// <param name="error">Why the text is not a list of scopes.</param>
    public static bool TryParse(string? text, out TokenScopes scopes, [NotNullWhen(false)] out string? error)
    {
        scopes = TokenScopes.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "no scopes given; use a comma-separated list of read, publish, admin, evaluate";
            return false;
        }

        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part)
            {
                case "read": scopes |= TokenScopes.Read; break;
                case "publish": scopes |= TokenScopes.Publish; break;
                case "admin": scopes |= TokenScopes.Admin; break;
                case "evaluate": scopes |= TokenScopes.Evaluate; break;
                default:
                    error = $"'{part}' is not a scope; use read, publish, admin or evaluate";
                    return false;
            }
        }

        if (scopes == TokenScopes.None)
        {
            error = "no scopes given; use a comma-separated list of read, publish, admin, evaluate";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>The scopes as a list of names.</summary>
    /// <param name="scopes">The scopes to name.</param>
    public static IReadOnlyList<string> ToNames(TokenScopes scopes) =>
        [.. All.Where((_, i) => scopes.HasFlag((TokenScopes)(1 << i)))];
}
