using System.Security.Cryptography;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.Hub;

namespace ModelGrid.FunctionalTests.Api;

/// <summary>A fresh owner with a publish token and a model, and helpers to publish versions of random files.</summary>
public sealed class HubTestModel
{
    private HubTestModel(GridAppFactory app, ModelId id, string token)
    {
        App = app;
        Id = id;
        Token = token;
        Client = app.Client(token);
    }

    public GridAppFactory App { get; }

    public ModelId Id { get; }

    public string Token { get; }

    public GridClient Client { get; }

    public string Path => $"/api/v1/models/{Id}";

    public static async Task<HubTestModel> CreateAsync(GridAppFactory app, ModelVisibility visibility = ModelVisibility.Public)
    {
        var owner = $"o{Guid.NewGuid():N}"[..14];
        var token = await app.TokenAsync(owner, "read", "publish");
        var id = new ModelId(owner, "model");
        await app.Client(token).CreateModelAsync(new CreateModelRequest(owner, "model", Visibility: visibility), TestContext.Current.CancellationToken);
        return new HubTestModel(app, id, token);
    }

    public static (ManifestFile File, byte[] Bytes) RandomFile(string path, int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        return (new ManifestFile(path, size, ApiAssert.Sha256(bytes)), bytes);
    }

    /// <summary>Opens a draft for <paramref name="files"/>, uploads them whole and publishes.</summary>
    public async Task<VersionDetails> PublishAsync(params (ManifestFile File, byte[] Bytes)[] files)
    {
        var ct = TestContext.Current.CancellationToken;
        var draft = await Client.CreateDraftAsync(Id, new CreateDraftRequest([.. files.Select(f => f.File)]), ct);
        foreach (var (file, bytes) in files.Where(f => !draft.Files.Single(d => d.Path == f.File.Path).Present))
        {
            await Client.UploadFileAsync(Id, draft.Number, file.Path, new MemoryStream(bytes), bytes.Length, file.Sha256, cancellationToken: ct);
        }

        return await Client.PublishAsync(Id, draft.Number, ct);
    }
}
