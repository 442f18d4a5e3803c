using System.Text;
using ModelGrid.Api;

namespace ModelGrid.FunctionalTests.Adversarial;

public static partial class HostileInputs
{
    private const string MarkdownType = "text/markdown; charset=utf-8";

    /// <summary>
    /// Cards with markup and terminal escapes are stored exactly as given and served as Markdown text that a browser
    /// must not sniff into HTML; cards with broken YAML front matter, NUL, invalid UTF-8 or too many bytes are refused
    /// with a problem, whether sent as a new revision, a draft's card or with a new draft, and write nothing.
    /// </summary>
    public static readonly IReadOnlyList<HostileCase> Cards = [.. CardCases()];

    private static IEnumerable<HostileCase> CardCases()
    {
        (string Label, string Card)[] kept =
        [
            ("script tag", "---\nlicense: MIT\n---\n# Model\n<script>alert(document.cookie)</script>\n"),
            ("event handler and javascript link", "<img src=x onerror=alert(1)>\n[click](javascript:alert(1))\n"),
            ("HTML document", "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
            ("terminal clear and title", "# Model\n\u001b[2J\u001b[H\u001b]0;pwned\u0007text\n"),
            ("C1 controls and bell", "a\u009b31mred\u0007\u0008\u007f\n"),
            ("bidirectional and zero-width", "# \u202Eexe.txt\u202C and zero\u200Bwidth\n"),
            ("markup in front matter", "---\nlicense: MIT\ntags:\n  - \"<script>alert(1)</script>\"\nlibrary_name: \"\\e[2J\"\n---\nbody\n"),
            ("CRLF lines", "---\r\nlicense: MIT\r\n---\r\n# CRLF\r\n"),
            ("no front matter", "# Just markdown\n"),
            ("YAML aliases", "---\nlicense: MIT\nx: &a [1, 2, 3]\ny: [*a, *a, *a, *a]\n---\n"),
        ];
        foreach (var (label, card) in kept)
        {
            var bytes = Encoding.UTF8.GetBytes(card);
            yield return new HostileCase($"card kept: {label}", Identities.AlicePublish,
                _ => new WireRequest("POST", $"{ScratchPath}/versions/1/cards").Bytes(bytes, "text/markdown"), Outcome.Ok(201), WriteScope.Under("state/", "cards/"),
                (w, r) => CardServedAsGivenAsync(w, r, bytes));
        }

        // A byte order mark is read as the encoding's mark, not as text: the card is kept without it.
        yield return new HostileCase("card kept: byte order mark (dropped)", Identities.AlicePublish,
            _ => new WireRequest("POST", $"{ScratchPath}/versions/1/cards").Bytes([0xEF, 0xBB, 0xBF, .. Utf8("---\nlicense: MIT\n---\n# BOM\n")], "text/markdown"),
            Outcome.Ok(201), WriteScope.Under("state/", "cards/"), (w, r) => CardServedAsGivenAsync(w, r, Utf8("---\nlicense: MIT\n---\n# BOM\n")));

        (string Label, byte[] Card, Outcome Expected)[] refused =
        [
            ("front matter not closed", Utf8("---\nlicense: MIT\n# no closing fence\n"), Outcome.Invalid),
            ("invalid YAML", Utf8("---\nlicense: [unclosed\n---\n"), Outcome.Invalid),
            ("unterminated mapping", Utf8("---\nx: {a: 1\n---\n"), Outcome.Invalid),
            ("front matter a list", Utf8("---\n- a\n- b\n---\n"), Outcome.Invalid),
            ("front matter a scalar", Utf8("---\njust text\n---\n"), Outcome.Invalid),
            ("tags not a list", Utf8("---\ntags: foo\n---\n"), Outcome.Invalid),
            ("license a list", Utf8("---\nlicense: [MIT]\n---\n"), Outcome.Invalid),
            ("key not a string", Utf8("---\n[a, b]: 1\n---\n"), Outcome.Invalid),
            ("duplicate keys", Utf8("---\nlicense: MIT\nlicense: GPL-3.0\n---\n"), Outcome.Invalid),
            ("tab indentation", Utf8("---\ntags:\n\t- a\n---\n"), Outcome.Invalid),
            ("deeply nested", Utf8("---\nx: " + new string('[', 10_000) + new string(']', 10_000) + "\n---\n"), Outcome.Invalid),
            ("NUL", Utf8("# a\0b\n"), Outcome.Invalid),
            ("invalid UTF-8", [0x23, 0x20, 0xC3, 0x28, 0xFF, 0x0A], Outcome.Invalid),
            ("over 1 MiB", Utf8(new string('x', (1 << 20) + 1)), Outcome.Invalid),
            ("over the 2 MiB request limit", Utf8(new string('x', (2 << 20) + 1)), new Outcome(413, "Request body too large")),
        ];
        foreach (var (label, card, expected) in refused)
        {
            yield return new HostileCase($"card refused: {label}", Identities.AlicePublish,
                _ => new WireRequest("POST", $"{ScratchPath}/versions/1/cards").Bytes(card, "text/markdown"), expected);
        }

        yield return new HostileCase("draft card refused: invalid YAML", Identities.AlicePublish,
            w => new WireRequest("PUT", $"{PublicDraft(w)}/card").Bytes(Utf8("---\nlicense: [unclosed\n---\n"), "text/markdown"), Outcome.Invalid);
        yield return new HostileCase("draft card refused: NUL", Identities.AlicePublish,
            w => new WireRequest("PUT", $"{PublicDraft(w)}/card").Bytes(Utf8("a\0b"), "text/markdown"), Outcome.Invalid);
        yield return new HostileCase("new draft's card refused: tags not a list", Identities.AlicePublish,
            _ => new WireRequest("POST", $"{ScratchPath}/versions").Json(Json(new CreateDraftRequest([new(Unique() + ".bin", 4, Sha256("abcd"))], "---\ntags: foo\n---\n"))), Outcome.Invalid);
        yield return new HostileCase("card served as text to a browser asking for HTML", Identities.Anonymous,
            _ => WireRequest.Get($"{PublicPath}/versions/1/card").Header("Accept", "text/html"), Outcome.Ok(),
            check: (_, r) => Check(() =>
            {
                Assert.Equal(MarkdownType, r.Header("Content-Type"));
                Assert.Equal("nosniff", r.Header("X-Content-Type-Options"));
                // The latest revision is the publisher's card with the openness section the grid added (CorpusWorld sets a record).
                Assert.StartsWith(CorpusWorld.Card + "\n" + ModelGrid.Openness.OpennessCard.Heading + "\n", r.Text, StringComparison.Ordinal);
            }));
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The revision the answer's Location names holds exactly <paramref name="sent"/>, served as Markdown and not to be sniffed.</summary>
    private static async Task CardServedAsGivenAsync(CorpusWorld world, WireResponse created, byte[] sent)
    {
        var location = created.Header("Location") ?? throw new Xunit.Sdk.XunitException($"no Location: {created}");
        var served = await world.Grid.SendAsync(WireRequest.Get(location).Header("Accept", "text/html"));
        Assert.Equal(200, served.Status);
        Assert.Equal(MarkdownType, served.Header("Content-Type"));
        Assert.Equal("nosniff", served.Header("X-Content-Type-Options"));
        Assert.Equal(sent, served.Body);
    }
}
