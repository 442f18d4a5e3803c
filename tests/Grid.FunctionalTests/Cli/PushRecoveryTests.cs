using System.Security.Cryptography;
using ModelGrid.Client.Transfer;
using ModelGrid.FunctionalTests.Api;
using ModelGrid.Hub;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Cli;

/// <summary>
/// A file that changes between hashing and upload leaves a declaration the bytes no longer match; the push declares the
/// file again with what it now holds, in the draft it is working on, instead of failing and leaving a draft behind.
/// </summary>
[Collection(GridAppGroup.Name)]
public sealed class PushRecoveryTests(GridAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(PushOptions.DefaultChunkThreshold)]
    [InlineData(1L)]
    public async Task Push_AFileThatChangesDuringThePush_IsDeclaredAgainAndPublishedAsSent(long chunkThreshold)
    {
        var model = await HubTestModel.CreateAsync(app);
        var folder = TestPaths.NewTempFolder("push-change");
        var path = Path.Combine(folder, "w.bin");
        await File.WriteAllBytesAsync(path, RandomNumberGenerator.GetBytes(5000), Ct);
        var later = RandomNumberGenerator.GetBytes(6000);
        var progress = new ChangeBeforeUpload(path, later);

        var result = await new Pusher(model.Client, progress).PushAsync(folder, model.Id, new PushOptions(chunkThreshold), Ct);

        var version = await model.Client.GetVersionAsync(model.Id, "1", Ct);
        Assert.Equal("published", result.Status);
        Assert.Equal(1, result.Version);
        Assert.Equal(new ManifestFile("w.bin", 6000, ApiAssert.Sha256(later)), version.Files.Single().ToManifestFile());
        Assert.Equal(version.RevisionId, result.RevisionId);
        Assert.Equal(6000, result.BytesUploaded);
        Assert.Single(await model.Client.ListVersionsAsync(model.Id, Ct));
        Assert.Contains("w.bin changed while it was being pushed; declared again with its new content", progress.Notes);
    }

    /// <summary>Rewrites a file when the upload phase begins, after the push has hashed it and opened its draft.</summary>
    private sealed class ChangeBeforeUpload(string path, byte[] content) : ITransferProgress
    {
        private bool _changed;

        public List<string> Notes { get; } = [];

        public IProgress<long> Begin(string description, long totalBytes)
        {
            if (!_changed && description.StartsWith("uploading", StringComparison.Ordinal))
            {
                File.WriteAllBytes(path, content);
                _changed = true;
            }

            return new Progress<long>();
        }

        public void Note(string message) => Notes.Add(message);
    }
}
