using System.Net;
using System.Net.Http.Headers;

namespace ModelGrid.FunctionalTests.Operations;

/// <summary><c>/metrics</c> of a silo that ran two jobs: the grid's counters with their exact values, to admins only.</summary>
[Collection(JobRunSiloGroup.Name)]
public sealed class MetricsEndpointTests(JobRunSiloFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_AfterTwoJobs_CountLeasesDurationsCacheAndTransfers()
    {
        var samples = PrometheusText.Parse(await ReadAsync(JobRunSiloFixture.AdminToken));
        var cached = fixture.CachedFiles();
        Assert.NotEmpty(cached);

        Assert.Equal(2, samples.Sum("grid_jobs_leases_granted_total"));
        Assert.Equal(0, samples.Sum("grid_jobs_leases_expired_total"));
        Assert.Equal(2, samples.Sum("grid_jobs_duration_seconds_count", ("suite", JobRunSiloFixture.Suite), ("hardware_class", "cpu"), ("outcome", "succeeded")));
        Assert.Equal(2, samples.Sum("grid_jobs_duration_seconds_count"));
        Assert.True(samples.Sum("grid_jobs_duration_seconds_sum") > 0);

        // The first run fetched the model file and the suite's data once each; suite data stays pinned while the silo
        // runs, so the forced second run asked the cache for the model file alone, and found it.
        Assert.Equal(2, cached.Count);
        Assert.Equal(2, samples.Sum("grid_weight_cache_misses_total"));
        Assert.Equal(1, samples.Sum("grid_weight_cache_hits_total"));
        Assert.Equal(cached.Sum(f => f.Length), samples.Sum("grid_weight_cache_fetched_bytes_total"));

        Assert.Equal(fixture.FileBytes, samples.Sum("grid_hub_uploaded_bytes_total"));
        Assert.Equal(fixture.FileBytes, samples.Sum("grid_hub_downloaded_bytes_total"));

        // Both jobs are done: every partition holds nothing, queued or leased.
        var depths = samples.Where(s => s.Name == "grid_jobs_queue_depth").ToList();
        Assert.Equal(["cpu-0", "cpu-1", "cpu-2", "cpu-3"], depths.Select(s => s.Labels["partition"]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(depths, s => Assert.Equal(0, s.Value));

        // ASP.NET Core's and Orleans' own meters are there too.
        Assert.True(samples.Sum("http_server_request_duration_seconds_count") > 0);
        Assert.True(samples.Sum("orleans_catalog_activation_created_total", ("grain_type", "job-queue")) > 0);
    }

    [Fact]
    public async Task Metrics_AfterAPrivateModelsJobs_NameNeitherItsOwnerNorItsName()
    {
        var text = await ReadAsync(JobRunSiloFixture.AdminToken);

        Assert.Contains("grid_jobs_duration_seconds_count", text, StringComparison.Ordinal);
        Assert.DoesNotContain(JobRunSiloFixture.Model.Owner, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(JobRunSiloFixture.Model.Name, text, StringComparison.OrdinalIgnoreCase);
        Assert.All(fixture.Jobs, job => Assert.DoesNotContain(job.ToString("D"), text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Metrics_Anonymous_Is401()
    {
        using var http = new HttpClient { BaseAddress = fixture.Silo.Url };
        using var response = await http.GetAsync(new Uri("metrics", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Metrics_TokenWithoutAdminScope_Is403()
    {
        using var http = Client(fixture.OwnerToken);
        using var response = await http.GetAsync(new Uri("metrics", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<string> ReadAsync(string token)
    {
        using var http = Client(token);
        using var response = await http.GetAsync(new Uri("metrics", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private HttpClient Client(string token)
    {
        var http = new HttpClient { BaseAddress = fixture.Silo.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
