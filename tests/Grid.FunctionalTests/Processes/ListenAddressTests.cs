using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>
/// Where the run command's silo listens: on http://127.0.0.1:5180 when nothing configures an address (the README's
/// tour, DESIGN.md §7 and the CLI's default expect it there), and where <c>ASPNETCORE_URLS</c> says when it is set.
/// </summary>
[Collection(DefaultPortsGroup.Name)]
public sealed class ListenAddressTests
{
    [Fact]
    public async Task Start_NoAddressConfigured_AnswersOn127001Port5180()
    {
        DefaultPorts.AssertFree(DefaultPorts.Api);
        var data = TestPaths.NewTempFolder("default-url");

        // No ASPNETCORE_URLS, URLS or --urls at all; the demo is off so the start stays cheap.
        await using var silo = await SiloProcess.StartAsync(data, PlainEnvironment.With(new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = null,
            ["Grid__Demo__Enabled"] = "false",
        }));

        Assert.Equal(new Uri("http://127.0.0.1:5180/"), silo.Url);
        Assert.Contains("ModelGrid is listening on http://127.0.0.1:5180 (Ctrl+C stops it)\n", silo.Output, StringComparison.Ordinal);
        await silo.StopAsync();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Start_AspNetCoreUrls_ListensThereInstead()
    {
        var data = TestPaths.NewTempFolder("configured-url");

        await using var silo = await SiloProcess.StartAsync(data, new Dictionary<string, string?> { ["Grid__Demo__Enabled"] = "false" });

        Assert.NotEqual(DefaultPorts.Api, silo.Url.Port);
        Assert.Contains($"ModelGrid is listening on http://127.0.0.1:{silo.Url.Port} (Ctrl+C stops it)\n", silo.Output, StringComparison.Ordinal);
        await silo.StopAsync();
        Directory.Delete(data, recursive: true);
    }
}
