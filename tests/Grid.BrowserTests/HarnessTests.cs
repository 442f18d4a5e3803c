using System.Net;

namespace ModelGrid.BrowserTests;

/// <summary>The harness itself: Debian's Chromium, started by Playwright, loads pages the real silo serves.</summary>
public sealed class HarnessTests(BrowserFixture browser, HubFixture hub)
{
    [Fact]
    public async Task Chromium_loads_the_silos_health_and_root_pages()
    {
        Assert.False(string.IsNullOrEmpty(browser.Version));
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var health = await page.GotoAsync(new Uri(hub.Url, "health").ToString());
        Assert.NotNull(health);
        Assert.Equal((int)HttpStatusCode.OK, health.Status);
        var body = await page.Locator("body").InnerTextAsync();
        Assert.False(string.IsNullOrWhiteSpace(body));

        var root = await page.GotoAsync(hub.Url.ToString());
        Assert.NotNull(root);
        Assert.True(root.Status < 500, $"/ answered {root.Status}");
        var path = await Screenshots.SaveAsync(page, "root");
        Assert.True(new FileInfo(path).Length > 0);
    }
}
