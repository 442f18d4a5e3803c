namespace ModelGrid.BrowserTests;

/// <summary>
/// Debian's Chromium at <c>/usr/bin/chromium</c>, the one browser the tests drive (test tools' own browser downloads
/// are never used). When it is missing and the tests run as root, it is installed with apt-get; otherwise the tests
/// stop with one line saying what to install.
/// </summary>
public static class ChromiumInstall
{
    /// <summary>Where Debian's package puts the browser.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Returns <see cref="ExecutablePath"/> once it exists, installing Debian's <c>chromium</c> first if needed and allowed.</summary>
    public static async Task<string> EnsureAsync()
    {
        if (File.Exists(ExecutablePath))
        {
            return ExecutablePath;
        }

        await Gate.WaitAsync();
        try
        {
            if (File.Exists(ExecutablePath))
            {
                return ExecutablePath;
            }

            if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
            {
                throw new InvalidOperationException(
                    $"the browser tests need Chromium at {ExecutablePath}: install Debian's package as root (apt-get install -y chromium)");
            }

            var environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" };
            await RunAsync(["update"], environment);
            await RunAsync(["install", "-y", "--no-install-recommends", "chromium"], environment);
            return File.Exists(ExecutablePath)
                ? ExecutablePath
                : throw new InvalidOperationException($"apt-get installed chromium but {ExecutablePath} is missing");
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        var (exit, stdout, stderr) = await Testing.ChildProcess.RunAsync("apt-get", arguments, "/", environment, TimeSpan.FromMinutes(10));
        if (exit != 0)
        {
            throw new InvalidOperationException($"'apt-get {string.Join(' ', arguments)}' failed (exit {exit}); the browser tests need Chromium at {ExecutablePath}: {stdout}{stderr}");
        }
    }
}
