using System.Net;

namespace ModelGrid.FunctionalTests.Operations;

/// <summary>Liveness and readiness of a running silo on the embedded store.</summary>
[Collection(JobRunSiloGroup.Name)]
public sealed class LivenessTests(JobRunSiloFixture fixture)
{
    [Fact]
    public async Task Live_RunningSilo_Is200WithoutChecks()
    {
        using var http = new HttpClient { BaseAddress = fixture.Silo.Url };

        var (status, checks) = await HealthEndpointsTests.GetAsync(http, "health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(checks);
    }

    [Fact]
    public async Task Ready_EmbeddedStoreAndActiveSilo_Is200WithEveryCheckHealthy()
    {
        using var http = new HttpClient { BaseAddress = fixture.Silo.Url };

        var (status, checks) = await HealthEndpointsTests.GetAsync(http, "health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([("membership", "Healthy"), ("startup", "Healthy"), ("storage", "Healthy")], checks.OrderBy(c => c.Name, StringComparer.Ordinal));
    }
}
