using Microsoft.Playwright;

namespace ModelGrid.BrowserTests;

/// <summary>
/// One headless Chromium for the whole test assembly, from Debian's package (<see cref="ChromiumInstall"/>), driven by
/// Playwright's own driver that ships inside its NuGet package. The flags keep Chromium off the network: on a machine
/// without internet it would otherwise stall on its background services.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>The flags Chromium needs to start quickly and stay quiet on a closed network.</summary>
    public static IReadOnlyList<string> Flags { get; } =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The browser (Playwright starts it on a fresh, empty profile); each test opens its own <see cref="NewContextAsync"/>.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser is not started");

    /// <summary>The Chromium version the tests ran against.</summary>
    public string Version => Browser.Version;

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        var executable = await ChromiumInstall.EnsureAsync();

        // Never let Playwright look for, or fetch, a browser of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = [.. Flags],
            Timeout = 60_000,
        });
    }

    /// <summary>A new isolated context (own cookies) with the given viewport, default waits generous for a busy machine.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = true,
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
