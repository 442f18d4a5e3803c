using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ModelGrid.BrowserTests;

/// <summary>Steps the tests share: signing in through the form, reading numbers off a page.</summary>
public static partial class Browsing
{
    /// <summary>Generous waits for a machine whose two cores are busy: conditions are waited for, never fixed sleeps.</summary>
    public const float Timeout = 30_000;

    static Browsing() => Assertions.SetDefaultExpectTimeout(Timeout);

    /// <summary>Makes sure the expectations' default wait is set before the first one runs.</summary>
    public static void Configure() => Assertions.SetDefaultExpectTimeout(Timeout);

    /// <summary>An absolute address on the hub.</summary>
    public static string At(this HubFixture hub, string pathAndQuery) => new Uri(hub.Url, pathAndQuery).ToString();

    /// <summary>Signs in on <c>/signin</c> with <paramref name="token"/>, as a person would, and waits to be sent on.</summary>
    public static async Task SignInAsync(IPage page, HubFixture hub, string token)
    {
        await page.GotoAsync(hub.At("/signin"));
        await page.Locator("form#signin input#token").FillAsync(token);
        await Task.WhenAll(
            page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/signin", StringComparison.Ordinal)),
            page.Locator("form#signin [type=submit]").ClickAsync());
        await Assertions.Expect(page.Locator("header nav form#signout")).ToBeVisibleAsync();
    }

    /// <summary>The numbers written in <paramref name="text"/>, as the invariant culture reads them.</summary>
    public static IReadOnlyList<(double Value, int Decimals)> Numbers(string text) =>
        [.. Number().Matches(text.Replace('\u2212', '-')).Select(m => (
            double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture),
            m.Value.Contains('.', StringComparison.Ordinal) ? m.Value.Length - m.Value.IndexOf('.', StringComparison.Ordinal) - 1 : 0))];

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex Number();
}
