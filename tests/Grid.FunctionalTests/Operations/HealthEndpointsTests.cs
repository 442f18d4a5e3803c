using System.Net;
using System.Text.Json;
using ModelGrid.FunctionalTests.Processes;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Operations;

/// <summary>Liveness and readiness of a silo on Azure storage (a real Azurite of its own), before and after the store goes away.</summary>
public sealed class HealthEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ready_BlobStoreStopped_Is503NamingStorage_WhileLiveAndStartupStay200()
    {
        var azurite = await AzuriteServer.StartAsync();
        await using var silo = await SiloProcess.StartAsync(TestPaths.NewTempFolder("ready-silo"), new Dictionary<string, string?>
        {
            ["Grid__Storage__Provider"] = "azure",
            ["Grid__Storage__ConnectionString"] = azurite.ConnectionString,
            ["Grid__Demo__Enabled"] = "false",
        });
        using var http = new HttpClient { BaseAddress = silo.Url };

        var (status, checks) = await GetAsync(http, "health/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            [("membership", "Healthy"), ("startup", "Healthy"), ("storage", "Healthy")],
            checks.OrderBy(c => c.Name, StringComparer.Ordinal));

        await azurite.DisposeAsync();

        (status, checks) = await GetAsync(http, "health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(
            [("membership", "Healthy"), ("startup", "Healthy"), ("storage", "Unhealthy")],
            checks.OrderBy(c => c.Name, StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, "health/live")).Status);
        using var startup = await http.GetAsync(new Uri("health", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, startup.StatusCode);
    }

    internal static async Task<(HttpStatusCode Status, List<(string Name, string Status)> Checks)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var checks = body.RootElement.GetProperty("checks").EnumerateObject()
            .Select(c => (c.Name, c.Value.GetProperty("status").GetString()!))
            .ToList();
        return (response.StatusCode, checks);
    }
}
