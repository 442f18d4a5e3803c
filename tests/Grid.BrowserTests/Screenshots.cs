using Microsoft.Playwright;

namespace ModelGrid.BrowserTests;

/// <summary>Full-page screenshots kept as test artefacts under <c>TestResults/screenshots/</c> beside the test assembly.</summary>
public static class Screenshots
{
    /// <summary>The folder the screenshots go to.</summary>
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>Saves a full-page screenshot of <paramref name="page"/> as <c>{name}.png</c> and prints its path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.SendDiagnosticMessage($"screenshot: {path}");
        Console.WriteLine($"screenshot: {path}");
        return path;
    }
}
