using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests;

/// <summary>
/// The real host (API + silo) in process, on the embedded store in a temporary folder, with the offline artifact
/// mirrors, a known admin token and small upload limits so the limit paths are cheap to reach.
/// </summary>
public sealed class GridAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminToken = "functional-test-admin-token-0123456789";
    public const long MaxFileBytes = 4 << 20;
    public const long ChunkBytes = 256 << 10;

    private readonly string _data = TestPaths.NewTempFolder("grid-app");
    private readonly int[] _ports = FreePorts.Take(2);

    public string DataPath => _data;

    public async ValueTask InitializeAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode != System.Net.HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the grid did not become healthy within 60 s");
            }

            await Task.Delay(100);
        }
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaner.
        }
    }

    /// <summary>A raw HTTP client, with a bearer token when given.</summary>
    public HttpClient Http(string? token = null)
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>The typed client library, with a bearer token when given.</summary>
    public GridClient Client(string? token = null) => new(Http(token));

    /// <summary>Creates a token for <paramref name="owner"/> with the given scopes.</summary>
    public async Task<string> TokenAsync(string owner, params string[] scopes) =>
        (await Client(AdminToken).CreateTokenAsync(new CreateTokenRequest(owner, scopes), TestContext.Current.CancellationToken)).Token;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: the host reads storage and cluster settings while Program runs.
        var settings = new Dictionary<string, string>
        {
            ["Grid:Storage:Path"] = _data,
            ["Grid:Storage:Durable"] = "false",
            ["Grid:Cluster:SiloPort"] = _ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Grid:Cluster:GatewayPort"] = _ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Grid:Auth:AdminToken"] = AdminToken,
            ["Grid:Artifacts:Mirrors:0"] = TestArtifacts.MirrorFolder,
            ["Grid:Artifacts:Offline"] = "true",
            ["Grid:Uploads:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Grid:Uploads:ChunkBytes"] = ChunkBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),

            // The evaluation demo is tested by the process tests; here tests submit their own jobs.
            ["Grid:Demo:Evaluations"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GridAppGroup : ICollectionFixture<GridAppFactory>
{
    public const string Name = "grid app";
}
