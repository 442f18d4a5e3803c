using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ModelGrid.BrowserTests;

/// <summary>A card's author cannot run code in a reader's browser: script, event handlers and script links are inert.</summary>
public sealed class HostileCardTests(BrowserFixture browser, HubFixture hub)
{
    [Fact]
    public async Task A_card_with_script_and_event_handlers_renders_as_inert_text_and_markup()
    {
        Browsing.Configure();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            lock (dialogs)
            {
                dialogs.Add(dialog.Message);
            }

            await dialog.DismissAsync();
        };

        var response = await page.GotoAsync(hub.At($"/models/{HubData.HostileModel}"), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.Equal(200, response?.Status);
        var card = page.Locator("section#card");

        // The card was rendered (so the payloads reached the page as far as the sanitizer let them).
        await Expect(card.GetByRole(AriaRole.Heading, new() { Name = "Hostile card" })).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("A card whose author tried to run code");
        await Expect(card).ToContainTextAsync("Hover text");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Nothing that could run is left in the card.
        await Expect(card.Locator("script")).ToHaveCountAsync(0);
        await Expect(card.Locator("[onerror], [onmouseover], [onload], [onclick]")).ToHaveCountAsync(0);
        await Expect(card.Locator("a[href^='javascript:' i]")).ToHaveCountAsync(0);
        await Expect(page.Locator("script:has-text('__cardScriptRan')")).ToHaveCountAsync(0);

        // A reader hovering the paragraph triggers nothing either.
        await card.GetByText("Hover text").HoverAsync();

        var ran = await page.EvaluateAsync<bool[]>(
            "() => [window.__cardScriptRan, window.__cardOnerrorRan, window.__cardHandlerRan, window.__cardLinkRan].map(v => v !== undefined)");
        Assert.All(ran, Assert.False);
        lock (dialogs)
        {
            Assert.Empty(dialogs);
        }

        await Screenshots.SaveAsync(page, "hostile-card");
    }
}
