using System.Text;
using ModelGrid.Cards;

namespace ModelGrid.Bom;

/// <summary>
/// The considerations a model card states, found by its section headings (the Hugging Face template's and the
/// project's own): intended use, users, limitations, trade-offs, and risks, bias or sensitive attributes. Each list item
/// or paragraph of such a section is one entry; tables and code are left out. The part the grid writes below
/// <see cref="EvaluationCard.Heading"/> is not the publisher's and is not read.
/// </summary>
/// <param name="Users">Who the model is for.</param>
/// <param name="UseCases">What it is for.</param>
/// <param name="TechnicalLimitations">What it cannot do.</param>
/// <param name="PerformanceTradeoffs">What it trades.</param>
/// <param name="EthicalConsiderations">Risks, biases and sensitive attributes.</param>
public sealed record CardConsiderations(
    IReadOnlyList<string> Users,
    IReadOnlyList<string> UseCases,
    IReadOnlyList<string> TechnicalLimitations,
    IReadOnlyList<string> PerformanceTradeoffs,
    IReadOnlyList<string> EthicalConsiderations)
{
    /// <summary>Whether the card states any consideration.</summary>
    public bool IsEmpty => Users.Count + UseCases.Count + TechnicalLimitations.Count + PerformanceTradeoffs.Count + EthicalConsiderations.Count == 0;

    /// <summary>The considerations of a card's Markdown body.</summary>
    /// <param name="body">The Markdown after the front matter.</param>
    public static CardConsiderations Read(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var cut = body.IndexOf(EvaluationCard.Heading, StringComparison.Ordinal);
        var text = (cut < 0 ? body : body[..cut]).Replace("\r\n", "\n", StringComparison.Ordinal);
        var sections = new Dictionary<Section, List<string>>();
        var current = Section.None;
        var paragraph = new StringBuilder();
        var fenced = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                fenced = !fenced;
                continue;
            }

            if (fenced)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                Flush();
                current = Classify(line.TrimStart('#').Trim());
                continue;
            }

            if (line.Length == 0 || line.StartsWith('|'))
            {
                Flush();
                continue;
            }

            if (ListItem(line) is { } item)
            {
                Flush();
                paragraph.Append(item);
                continue;
            }

            paragraph.Append(paragraph.Length == 0 ? string.Empty : " ").Append(line);
        }

        Flush();
        return new CardConsiderations(Get(Section.Users), Get(Section.UseCases), Get(Section.Limitations), Get(Section.Tradeoffs), Get(Section.Ethics));

        void Flush()
        {
            if (paragraph.Length > 0 && current != Section.None)
            {
                if (!sections.TryGetValue(current, out var list))
                {
                    sections[current] = list = [];
                }

                list.Add(paragraph.ToString());
            }

            paragraph.Clear();
        }

        IReadOnlyList<string> Get(Section section) => sections.TryGetValue(section, out var list) ? list : [];
    }

    private static string? ListItem(string line)
    {
        if (line.Length > 2 && (line[0] is '-' or '*' or '+') && line[1] == ' ')
        {
            return line[2..].Trim();
        }

        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits > 0 && digits + 1 < line.Length && line[digits] is '.' or ')' && line[digits + 1] == ' ' ? line[(digits + 2)..].Trim() : null;
    }

    private static Section Classify(string heading)
    {
        var h = heading.ToLowerInvariant();
        return h switch
        {
            _ when h.Contains("trade-off", StringComparison.Ordinal) || h.Contains("tradeoff", StringComparison.Ordinal) => Section.Tradeoffs,
            _ when h.Contains("limit", StringComparison.Ordinal) || h.Contains("out-of-scope", StringComparison.Ordinal) || h.Contains("out of scope", StringComparison.Ordinal) => Section.Limitations,
            _ when h.Contains("risk", StringComparison.Ordinal) || h.Contains("bias", StringComparison.Ordinal) || h.Contains("ethic", StringComparison.Ordinal) || h.Contains("sensitive", StringComparison.Ordinal) => Section.Ethics,
            _ when h.Contains("users", StringComparison.Ordinal) || h.Contains("audience", StringComparison.Ordinal) => Section.Users,
            _ when h.Contains("intended use", StringComparison.Ordinal) || h.Contains("direct use", StringComparison.Ordinal) || h.Contains("use case", StringComparison.Ordinal) || h is "uses" => Section.UseCases,
            _ => Section.None,
        };
    }

    private enum Section
    {
        None,
        Users,
        UseCases,
        Limitations,
        Tradeoffs,
        Ethics,
    }
}
