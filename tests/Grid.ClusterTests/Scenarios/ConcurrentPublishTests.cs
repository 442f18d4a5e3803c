using System.Security.Cryptography;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.ClusterTests.Cluster;
using ModelGrid.Hub;
using ModelGrid.Testing;

namespace ModelGrid.ClusterTests.Scenarios;

/// <summary>
/// Fifty publishers on one model at once, half through each of two API silos: fifty distinct version numbers, none
/// lost, and every version's manifest holds exactly the file its publisher uploaded.
/// </summary>
public sealed class ConcurrentPublishTests(AzuriteFixture azurite)
{
    private const int Publishers = 50;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FiftyPublishersOnTwoApiSilos_DistinctVersionsAllComplete()
    {
        await using var cluster = await GridCluster.StartAsync(azurite.ConnectionString, apis: 2, workers: 0);
        var model = new ModelId("cluster", "contended");
        var clients = new[] { cluster.Admin(0), cluster.Admin(1) };
        await clients[0].CreateModelAsync(new CreateModelRequest(model.Owner, model.Name, License: "MIT"), Ct);

        var errors = 0;
        var published = await Task.WhenAll(Enumerable.Range(0, Publishers).Select(async i =>
        {
            var client = clients[i % 2];
            var bytes = RandomNumberGenerator.GetBytes(4096 + i);
            var file = new ManifestFile($"weights-{i}.bin", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            try
            {
                var draft = await client.CreateDraftAsync(model, new CreateDraftRequest([file]), Ct);
                await client.UploadFileAsync(model, draft.Number, file.Path, new MemoryStream(bytes), bytes.Length, file.Sha256, cancellationToken: Ct);
                var version = await client.PublishAsync(model, draft.Number, Ct);
                return (File: file, Version: version.Number);
            }
            catch (GridApiException)
            {
                Interlocked.Increment(ref errors);
                throw;
            }
        }));

        var versions = await clients[1].ListVersionsAsync(model, Ct);
        var incomplete = 0;
        foreach (var (file, number) in published)
        {
            var version = await clients[number % 2].GetVersionAsync(model, number.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);
            if (version.Status != VersionStatus.Published || version.Files.Count != 1 || version.Files[0].ToManifestFile() != file || !version.Files[0].Present)
            {
                incomplete++;
            }
        }

        Outcome.Report(
            "50 concurrent publishers on two API silos",
            ("published", published.Length),
            ("distinct version numbers", published.Select(p => p.Version).Distinct().Count()),
            ("versions listed", versions.Count),
            ("incomplete manifests", incomplete),
            ("client errors", errors));

        Assert.Equal(Enumerable.Range(1, Publishers), published.Select(p => p.Version).Order());
        Assert.Equal(Publishers, versions.Count(v => v.Status == VersionStatus.Published));
        Assert.Equal(0, incomplete);
        Assert.Equal(Publishers, (await clients[0].GetModelAsync(model, Ct)).VersionCount);
    }
}
