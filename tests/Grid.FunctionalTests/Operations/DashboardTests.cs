using System.Net;
using System.Net.Http.Headers;

namespace ModelGrid.FunctionalTests.Operations;

/// <summary>The Orleans Dashboard under <c>/dashboard</c>: admins only.</summary>
[Collection(JobRunSiloGroup.Name)]
public sealed class DashboardTests(JobRunSiloFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("dashboard/")]
    [InlineData("dashboard/DashboardCounters")]
    public async Task Dashboard_Anonymous_Is401WithABearerChallenge(string path)
    {
        using var http = new HttpClient { BaseAddress = fixture.Silo.Url };
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("dashboard/")]
    [InlineData("dashboard/DashboardCounters")]
    public async Task Dashboard_TokenWithoutAdminScope_Is403(string path)
    {
        using var http = Client(fixture.OwnerToken);
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_Admin_ServesThePageAndTheClustersCounters()
    {
        using var http = Client(JobRunSiloFixture.AdminToken);
        using var page = await http.GetAsync(new Uri("dashboard/", UriKind.Relative), Ct);
        using var counters = await http.GetAsync(new Uri("dashboard/DashboardCounters", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        Assert.Contains("\"totalActiveHostCount\":1", await counters.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
    }

    private HttpClient Client(string token)
    {
        var http = new HttpClient { BaseAddress = fixture.Silo.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
