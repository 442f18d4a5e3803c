using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ModelGrid.Client.Http;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>
/// The host the adversarial corpus runs against: the real API and silo in process on Kestrel (so requests arrive
/// byte for byte as sent, and Kestrel's own refusals are part of what is tested), the embedded store in a temporary
/// folder, a clock the corpus can move forward, no demo, and the owners, tokens and models the cases aim at
/// (<see cref="CorpusWorld"/>).
/// </summary>
public sealed class AdversarialGrid : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminToken = "adversarial-corpus-admin-token-0123456789";
    public const long MaxFileBytes = 4 << 20;
    public const long ChunkBytes = 64 << 10;

    private readonly string _data = TestPaths.NewTempFolder("grid-corpus");
    private readonly int[] _ports = FreePorts.Take(2);
    private readonly DataFolderSnapshot.Hashes _hashes = new();
    private Uri? _address;
    private CorpusWorld? _world;

    public AdversarialGrid() => UseKestrel(0);

    public string DataPath => _data;

    public ShiftedTimeProvider Clock { get; } = new();

    /// <summary>Where Kestrel listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address => _address ?? throw new InvalidOperationException("the corpus host has not started");

    public CorpusWorld World => _world ?? throw new InvalidOperationException("the corpus world is not arranged");

    public async ValueTask InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        _address = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await Wire.SendAsync(Address, WireRequest.Get("/health"))).Status != 200)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the corpus host did not become healthy within 60 s");
            }

            await Task.Delay(100);
        }

        _world = await CorpusWorld.ArrangeAsync(this);
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

    /// <summary>The typed client, for arranging what a case needs; with a bearer token when given.</summary>
    public GridClient Client(string? token = null) => GridClient.Create(Address, token);

    public GridClient Admin => Client(AdminToken);

    public Task<WireResponse> SendAsync(WireRequest request) => Wire.SendAsync(Address, request);

    public DataFolderSnapshot Snapshot() => DataFolderSnapshot.Take(_data, _hashes);

    public async Task AssertHealthyAsync()
    {
        var health = await SendAsync(WireRequest.Get("/health"));
        Assert.True(health.Status == 200, $"/health answered {health}");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string>
        {
            ["Grid:Storage:Path"] = _data,
            ["Grid:Storage:Durable"] = "false",
            ["Grid:Cluster:SiloPort"] = _ports[0].ToString(CultureInfo.InvariantCulture),
            ["Grid:Cluster:GatewayPort"] = _ports[1].ToString(CultureInfo.InvariantCulture),
            ["Grid:Auth:AdminToken"] = AdminToken,
            ["Grid:Artifacts:Mirrors:0"] = TestArtifacts.MirrorFolder,
            ["Grid:Artifacts:Offline"] = "true",
            ["Grid:Uploads:MaxFileBytes"] = MaxFileBytes.ToString(CultureInfo.InvariantCulture),
            ["Grid:Uploads:ChunkBytes"] = ChunkBytes.ToString(CultureInfo.InvariantCulture),
            ["Grid:Demo:Enabled"] = "false",
            ["Grid:Evaluation:SubmissionsPerMinute"] = "1000000",
            ["Grid:Worker:MaxIdleDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

[CollectionDefinition(Name)]
public sealed class AdversarialCorpus : ICollectionFixture<AdversarialGrid>
{
    public const string Name = "adversarial corpus";
}
