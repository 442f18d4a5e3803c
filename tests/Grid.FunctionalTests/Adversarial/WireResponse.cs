using System.Text;
using System.Text.Json;

namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>An answer read off the wire: status, headers (names case-insensitive, repeated ones joined) and body.</summary>
public sealed record WireResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? MediaType => Header("Content-Type")?.Split(';')[0].Trim();

    /// <summary>The body as JSON; fails the case with the body when it is none.</summary>
    public JsonElement Json()
    {
        try
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"the body is not JSON ({e.Message}): {Printable(Text)}");
        }
    }

    public override string ToString() => $"{Status} {MediaType} {Printable(Text)}";

    private static string Printable(string text) =>
        string.Concat((text.Length > 600 ? text[..600] + "…" : text).Select(c => char.IsControl(c) && c != '\n' ? $"\\x{(int)c:x2}" : c.ToString()));
}
