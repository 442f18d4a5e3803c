using Ganss.Xss;
using Markdig;
using ModelGrid.Cards;

namespace ModelGrid.Silo.Web;

/// <summary>
/// A model card as HTML for the pages: the Markdown body (front matter left out) rendered by Markdig, then sanitised
/// by HtmlSanitizer, so a card's scripts, event attributes, <c>javascript:</c> links and styles never reach the
/// browser, and an image from another host is dropped rather than fetched.
/// </summary>
public static class CardHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>The card's body as safe HTML.</summary>
    /// <param name="card">The card: Markdown, with or without YAML front matter.</param>
    public static string Render(string card)
    {
        ArgumentNullException.ThrowIfNull(card);
        string body;
        try
        {
            body = ModelCard.Parse(card).Body;
        }
        catch (ModelCardException)
        {
            // A card whose front matter cannot be read is still shown, all of it, as Markdown.
            body = card;
        }

        return Sanitize(Markdown.ToHtml(body, Pipeline));
    }

    /// <summary>Markdown the grid wrote (a report's tables) as safe HTML, sanitised all the same.</summary>
    /// <param name="markdown">The Markdown.</param>
    public static string RenderMarkdown(string markdown) => Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>Sanitises HTML as the card's HTML is.</summary>
    /// <param name="html">Untrusted HTML.</param>
    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    /// <summary>Whether <paramref name="url"/> is a path on this hub: no scheme, no host (<c>//host</c> names one too).</summary>
    private static bool IsOnThisHub(string url)
    {
        var trimmed = url.Trim();
        return !trimmed.StartsWith("//", StringComparison.Ordinal)
            && !trimmed.StartsWith('\\')
            && !trimmed.StartsWith("/\\", StringComparison.Ordinal)
            && !trimmed.Contains(':', StringComparison.Ordinal);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.FilterUrl += (_, e) =>
        {
            // Links may lead anywhere; what the browser would load by itself must come from this hub.
            if (!string.Equals(e.Tag.TagName, "A", StringComparison.OrdinalIgnoreCase) && !IsOnThisHub(e.OriginalUrl))
            {
                e.SanitizedUrl = null;
            }
        };
        return sanitizer;
    }
}
