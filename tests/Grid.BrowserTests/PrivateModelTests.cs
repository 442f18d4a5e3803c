using static Microsoft.Playwright.Assertions;

namespace ModelGrid.BrowserTests;

/// <summary>A private model is shown to those who may read it and to no one else.</summary>
public sealed class PrivateModelTests(BrowserFixture browser, HubFixture hub)
{
    [Fact]
    public async Task A_private_model_is_hidden_when_signed_out_and_shown_to_its_owner()
    {
        Browsing.Configure();
        var privateLink = $"article.model-item a[href='/models/{HubData.PrivateModel}']";
        var publicLink = $"article.model-item a[href='/models/{HubData.HostileModel}']";

        await using (var anonymous = await browser.NewContextAsync())
        {
            var page = await anonymous.NewPageAsync();
            await page.GotoAsync(hub.At($"/?owner={HubData.Owner}"));

            // alice's public model is listed, so the listing is there; her private one is not.
            await Expect(page.Locator(publicLink)).ToBeVisibleAsync();
            await Expect(page.Locator(privateLink)).ToHaveCountAsync(0);
            Assert.DoesNotContain(HubData.PrivateDescription, await page.ContentAsync(), StringComparison.Ordinal);
            await Screenshots.SaveAsync(page, "private-signed-out-listing");

            // Asked for directly, it is a 404 page like any missing model: in the site's layout, not a raw problem.
            var direct = await page.GotoAsync(hub.At($"/models/{HubData.PrivateModel}"));
            Assert.Equal(404, direct?.Status);
            Assert.StartsWith("text/html", await direct!.HeaderValueAsync("content-type") ?? "", StringComparison.Ordinal);
            await Expect(page.Locator("header nav")).ToBeVisibleAsync();
            await Expect(page.Locator("main h1")).ToBeVisibleAsync();
            Assert.DoesNotContain(HubData.PrivateDescription, await page.ContentAsync(), StringComparison.Ordinal);
            await Expect(page.Locator("section#card")).ToHaveCountAsync(0);
            await Screenshots.SaveAsync(page, "private-signed-out-model");
        }

        await using var owner = await browser.NewContextAsync();
        var signedIn = await owner.NewPageAsync();
        await Browsing.SignInAsync(signedIn, hub, hub.Data.AliceToken);
        await signedIn.GotoAsync(hub.At($"/?owner={HubData.Owner}"));
        await Expect(signedIn.Locator(privateLink)).ToBeVisibleAsync();
        await signedIn.Locator(privateLink).ClickAsync();
        await Expect(signedIn.Locator("section#card")).ToContainTextAsync(HubData.PrivateDescription);
        await Screenshots.SaveAsync(signedIn, "private-signed-in-model");
    }
}
