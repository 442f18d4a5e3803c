using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ModelGrid.BrowserTests;

/// <summary>The pages at a phone's width (375 px): nothing scrolls sideways and the site navigation is usable.</summary>
public sealed class PhoneLayoutTests(BrowserFixture browser, HubFixture hub)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "home", "/" },
        { "model", "/models/demo/adult-income" },
        { "signin", "/signin" },
        { "evaluations", "/evaluations" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_fits_a_phone_screen_without_horizontal_scrolling(string name, string path)
    {
        Browsing.Configure();
        await using var context = await browser.NewContextAsync(375, 812);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(hub.At(path));
        Assert.Equal(200, response?.Status);
        await Expect(page.Locator("main")).ToBeVisibleAsync();

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]} px wide at a {widths[1]} px viewport");
        await Screenshots.SaveAsync(page, $"phone-{name}");
    }

    [Fact]
    public async Task The_site_navigation_is_on_screen_and_works_at_phone_width()
    {
        Browsing.Configure();
        await using var context = await browser.NewContextAsync(375, 812);
        var page = await context.NewPageAsync();
        await page.GotoAsync(hub.At("/"));
        var nav = page.Locator("header nav");
        foreach (var label in new[] { "Models", "Evaluations", "Suites", "Sign in" })
        {
            var link = nav.GetByRole(AriaRole.Link, new() { Name = label, Exact = true });
            await Expect(link).ToBeVisibleAsync();
            await Expect(link).ToBeInViewportAsync();
            var box = await link.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= 375, $"'{label}' lies at {box.X}..{box.X + box.Width} px, off a 375 px screen");
        }

        await nav.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signin");
        await Expect(page.Locator("form#signin input#token")).ToBeVisibleAsync();
        await nav.GetByRole(AriaRole.Link, new() { Name = "Models", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(page.Locator("article.model-item").First).ToBeVisibleAsync();
    }
}
