using System.Security.Cryptography;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.Hub;
using ModelGrid.Testing;

namespace ModelGrid.ClusterTests.Cluster;

/// <summary>
/// A real cluster on one host: API silos and worker silos as separate processes with Azure Table membership and
/// Azure blob storage on the harness's Azurite, each on its own free loopback ports (<see cref="ClusterSettings"/>).
/// </summary>
public sealed class GridCluster : IAsyncDisposable
{
    public const string AdminToken = "cluster-admin-token-0123456789abcdef";

    private GridCluster(IReadOnlyList<ClusterSilo> apis, IReadOnlyList<ClusterSilo> workers)
    {
        Apis = apis;
        Workers = workers;
    }

    public IReadOnlyList<ClusterSilo> Apis { get; }

    public IReadOnlyList<ClusterSilo> Workers { get; }

    public IEnumerable<ClusterSilo> All => Apis.Concat(Workers);

    /// <summary>Starts <paramref name="apis"/> API silos and <paramref name="workers"/> worker silos (named worker-1, …), with <paramref name="extra"/> settings, and waits until all serve.</summary>
    public static async Task<GridCluster> StartAsync(string connectionString, int apis, int workers, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var shared = ClusterSettings.Environment(connectionString, $"c{Guid.NewGuid():N}", AdminToken, QuickSuite.Write(TestPaths.NewTempFolder("cluster-suites")));
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            shared[key] = value;
        }

        var cluster = new GridCluster(
            [.. Enumerable.Range(1, apis).Select(i => new ClusterSilo($"api-{i}", "api", shared))],
            [.. Enumerable.Range(1, workers).Select(i => new ClusterSilo($"worker-{i}", "worker", shared))]);
        try
        {
            await cluster.StartAllAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Starts every silo that is not running (the first API silo first, so the tables exist) and waits until all serve.</summary>
    public async Task StartAllAsync()
    {
        var first = Apis[0];
        if (!first.IsRunning)
        {
            first.Start();
            await first.WaitHealthyAsync(ClusterSettings.SiloStart);
        }

        var rest = All.Where(s => !s.IsRunning).ToList();
        rest.ForEach(s => s.Start());
        await Task.WhenAll(rest.Select(s => s.WaitHealthyAsync(ClusterSettings.SiloStart)));
    }

    /// <summary>Stops every silo (SIGTERM), workers first.</summary>
    public async Task StopAllAsync()
    {
        await Task.WhenAll(Workers.Select(s => s.StopAsync()));
        await Task.WhenAll(Apis.Select(s => s.StopAsync()));
    }

    /// <summary>An admin client of API silo <paramref name="api"/> that retries nothing, so the test sees every answer as it came.</summary>
    public GridClient Admin(int api = 0, TransientRetryPolicy? retry = null) => GridClient.Create(Apis[api].Url, AdminToken, retry ?? TransientRetryPolicy.None);

    /// <summary>Creates <paramref name="model"/> and publishes version 1 holding the MNIST weights as <c>model.onnx</c>.</summary>
    public static async Task<VersionDetails> PublishMnistAsync(GridClient client, ModelId model, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(TestArtifacts.Get("mnist.onnx"), cancellationToken);
        var file = new ManifestFile("model.onnx", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        await client.CreateModelAsync(new CreateModelRequest(model.Owner, model.Name, License: "MIT"), cancellationToken);
        var draft = await client.CreateDraftAsync(model, new CreateDraftRequest([file]), cancellationToken);
        if (!draft.Files.Single().Present)
        {
            await client.UploadFileAsync(model, draft.Number, file.Path, new MemoryStream(bytes), bytes.Length, file.Sha256, cancellationToken: cancellationToken);
        }

        return await client.PublishAsync(model, draft.Number, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in All)
        {
            await silo.DisposeAsync();
        }
    }
}
