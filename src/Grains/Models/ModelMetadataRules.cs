using System.Text.RegularExpressions;
using ModelGrid.Hub;

namespace ModelGrid.Grains.Models;

/// <summary>What model metadata may hold: an SPDX licence expression, a task name, tags, a bounded description.</summary>
public static partial class ModelMetadataRules
{
    /// <summary>The longest description accepted.</summary>
    public const int MaxDescriptionLength = 4000;

    /// <summary>The most tags a model may have.</summary>
    public const int MaxTags = 32;

    /// <summary>Throws an invalid <see cref="HubException"/> when a field breaks a rule.</summary>
    /// <param name="description">The description, or null.</param>
    /// <param name="task">The task, or null.</param>
    /// <param name="license">The licence, or null.</param>
    /// <param name="tags">The tags, or null.</param>
    public static void Validate(string? description, string? task, string? license, IReadOnlyList<string>? tags)
    {
        if (description is { Length: > MaxDescriptionLength })
        {
            throw HubException.Invalid($"the description is longer than {MaxDescriptionLength} characters");
        }

        if (task is not null && !TaskPattern().IsMatch(task))
        {
            throw HubException.Invalid($"'{task}' is not a task name: use lowercase words joined by '-', e.g. image-classification");
        }

        if (license is not null && !IsSpdxExpression(license))
        {
            throw HubException.Invalid($"'{license}' is not an SPDX licence id or expression, e.g. MIT, Apache-2.0, CC-BY-4.0 OR MIT, LicenseRef-custom");
        }

        if (tags is not null)
        {
            if (tags.Count > MaxTags)
            {
                throw HubException.Invalid($"a model has at most {MaxTags} tags");
            }

            foreach (var tag in tags)
            {
                if (tag is null || !TagPattern().IsMatch(tag))
                {
                    throw HubException.Invalid($"'{tag}' is not a tag: use 1–50 characters of a-z, 0-9, '-', '_', '.', ':'");
                }
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="value"/> has the syntax of an SPDX licence expression: ids (letters, digits, '.', '-',
    /// an optional trailing '+') joined by AND, OR and WITH, with parentheses. The id list itself is not checked.
    /// </summary>
    /// <param name="value">The expression.</param>
    public static bool IsSpdxExpression(string value)
    {
        var tokens = SpdxToken().Matches(value);
        if (tokens.Sum(t => t.Length) != value.Replace(" ", string.Empty, StringComparison.Ordinal).Length)
        {
            return false;
        }

        var depth = 0;
        var expectOperand = true;
        foreach (Match token in tokens)
        {
            var text = token.Value;
            switch (text)
            {
                case "(":
                    if (!expectOperand)
                    {
                        return false;
                    }

                    depth++;
                    break;
                case ")":
                    if (expectOperand || --depth < 0)
                    {
                        return false;
                    }

                    break;
                case "AND" or "OR" or "WITH":
                    if (expectOperand)
                    {
                        return false;
                    }

                    expectOperand = true;
                    break;
                default:
                    if (!expectOperand)
                    {
                        return false;
                    }

                    expectOperand = false;
                    break;
            }
        }

        return depth == 0 && !expectOperand;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex TaskPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9\\-_.:]{0,49}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex("\\(|\\)|[A-Za-z0-9][A-Za-z0-9.\\-]*\\+?", RegexOptions.CultureInvariant)]
    private static partial Regex SpdxToken();
}
