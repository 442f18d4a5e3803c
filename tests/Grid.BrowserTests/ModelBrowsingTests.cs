using static Microsoft.Playwright.Assertions;

namespace ModelGrid.BrowserTests;

/// <summary>Browsing as a visitor: from the home page's listing to a model and its card, versions and files.</summary>
public sealed class ModelBrowsingTests(BrowserFixture browser, HubFixture hub)
{
    private static readonly ModelId Adult = new("demo", "adult-income");

    [Fact]
    public async Task Home_lists_the_demo_models_and_leads_to_the_models_card_versions_and_files()
    {
        Browsing.Configure();
        await WaitPublishedAsync(Adult, versions: 3);
        var card = await hub.Client(null).GetCardAsync(Adult, "latest", cancellationToken: TestContext.Current.CancellationToken);
        var heading = card.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..].Trim();

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(hub.At("/"));
        var link = page.Locator("article.model-item a[href='/models/demo/adult-income']");
        await Expect(link).ToHaveTextAsync("demo/adult-income");
        await Expect(page.Locator("article.model-item a[href='/models/demo/compas-recidivism']")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "home");

        await link.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/models/demo/adult-income");
        await Expect(page.Locator("section#card")).ToContainTextAsync(heading);
        await Expect(page.Locator("table#versions tbody tr")).ToHaveCountAsync(3);

        var download = page.Locator("table#files a[href*='model.onnx']").First;
        await Expect(download).ToBeVisibleAsync();
        var href = await download.GetAttributeAsync("href");
        Assert.NotNull(href);
        var response = await page.APIRequest.GetAsync(new Uri(hub.Url, href).ToString());
        Assert.Equal(200, response.Status);
        var expected = await File.ReadAllBytesAsync(Path.Combine(Testing.TestPaths.RepositoryRoot, "eval-suites", "models", "adult-income", "v3", "model.onnx"), TestContext.Current.CancellationToken);
        Assert.Equal(expected, await response.BodyAsync());
        await Screenshots.SaveAsync(page, "model");
    }

    private async Task WaitPublishedAsync(ModelId model, int versions)
    {
        var client = hub.Client(null);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while ((await client.FindModelAsync(model, TestContext.Current.CancellationToken)) is null || (await client.ListVersionsAsync(model, TestContext.Current.CancellationToken)).Count < versions)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the demo did not publish {model} within 120 s: {hub.Output}");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }
}
