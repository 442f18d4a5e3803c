using System.Text.Json;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.Hub;

namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>
/// What each route of <see cref="RouteTable"/> is called with and who may call it, keyed by <see cref="Route.Key"/>.
/// The authorization cases are these × <see cref="Identities.All"/>; a route the table lacks fails its cases.
/// </summary>
public static partial class RouteCases
{
    private const string ModelsPath = "/api/v1/models";

    private static readonly Lazy<IReadOnlyDictionary<string, RouteCase>> Table =
        new(() => new[] { HubRoutes(), OtherRoutes(), WebRoutes() }.SelectMany(d => d).ToDictionary(StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, RouteCase> All => Table.Value;

    private static Dictionary<string, RouteCase> HubRoutes() =>
        new(StringComparer.Ordinal)
        {
            ["GET /health"] = Read(_ => "/health"),
            ["GET /health/live"] = Read(_ => "/health/live"),
            ["GET /health/ready"] = Read(_ => "/health/ready"),
            ["GET /metrics"] = new(Access.Admin, Outcome.Ok(), (_, _) => Call(WireRequest.Get("/metrics"), WriteScope.Nothing)),
            ["GET /openapi/{documentName}.json"] = Read(_ => "/openapi/v1.json"),
            ["GET /"] = Read(_ => "/"),
            ["GET /docs/{documentName?}"] = Read(_ => "/docs/v1"),
            ["GET /docs/scalar.js"] = Read(_ => "/docs/scalar.js"),
            ["GET /docs/scalar.aspnetcore.js"] = Read(_ => "/docs/scalar.aspnetcore.js"),
            ["GET /docs/favicon.svg"] = Read(_ => "/docs/favicon.svg"),
            ["GET /api/v1/whoami"] = Read(_ => "/api/v1/whoami"),
            ["GET /api/v1/models"] = Read(_ => $"{ModelsPath}?owner=alice&page=1&pageSize=50"),
            ["GET /api/v1/models/{owner}/{name}"] = Read(w => Public(w).Path),
            ["POST /api/v1/models"] = new(Access.Publisher, Outcome.Ok(201), (_, _) => Call(
                new WireRequest("POST", ModelsPath).Json(ToJson(new CreateModelRequest("alice", $"m-{Unique()}", "made by the corpus"))),
                WriteScope.State)),
            ["PATCH /api/v1/models/{owner}/{name}"] = new(Access.Publisher, Outcome.Ok(), (_, _) => Call(
                new WireRequest("PATCH", ScratchPath).Json("""{"description":"patched by the corpus"}"""), WriteScope.State)),

            ["GET /api/v1/models/{owner}/{name}/versions"] = Read(w => $"{Public(w).Path}/versions"),
            ["GET /api/v1/models/{owner}/{name}/versions/{reference}"] = Read(w => $"{Public(w).Path}/versions/1"),
            ["GET /api/v1/models/{owner}/{name}/versions/{reference}/manifest"] = Read(w => $"{Public(w).Path}/versions/1/manifest"),
            ["POST /api/v1/models/{owner}/{name}/versions"] = new(Access.Publisher, Outcome.Ok(201), (_, _) => Call(
                new WireRequest("POST", $"{ScratchPath}/versions").Json(ToJson(new CreateDraftRequest([CorpusWorld.RandomFile("f.bin", 8).File]))),
                WriteScope.State)),
            ["POST /api/v1/models/{owner}/{name}/versions/{reference}/files"] = new(Access.Publisher, Outcome.Ok(), async (w, fresh) =>
                new RouteCall(
                    new WireRequest("POST", $"{await DraftPathAsync(w, fresh)}/files").Json(ToJson(CorpusWorld.RandomFile($"d-{Unique()}.bin", 8).File)),
                    WriteScope.State)),
            ["PUT /api/v1/models/{owner}/{name}/versions/{reference}/card"] = new(Access.Publisher, Outcome.Ok(), async (w, fresh) =>
                new RouteCall(
                    new WireRequest("PUT", $"{await DraftPathAsync(w, fresh)}/card").Bytes("---\nlicense: MIT\n---\n# Draft card\n"u8.ToArray(), "text/markdown"),
                    WriteScope.State)),
            ["POST /api/v1/models/{owner}/{name}/versions/{reference}/publish"] = new(Access.Publisher, Outcome.Ok(), async (w, fresh) =>
            {
                if (!fresh)
                {
                    return new RouteCall(new WireRequest("POST", $"{await DraftPathAsync(w, fresh)}/publish"), WriteScope.Nothing);
                }

                var file = CorpusWorld.RandomFile("f.bin", 8);
                var draft = await ScratchDraftAsync(w, file.File);
                await Alice(w).UploadFileAsync(CorpusWorld.Scratch, draft.Number, file.File.Path, new MemoryStream(file.Bytes), file.Bytes.Length, file.File.Sha256, cancellationToken: Ct);
                return new RouteCall(new WireRequest("POST", $"{ScratchPath}/versions/{draft.Number}/publish"), WriteScope.Under("state/", "manifests/", "cards/"));
            }),
            ["POST /api/v1/models/{owner}/{name}/versions/{reference}/withdraw"] = new(Access.Publisher, Outcome.Ok(), async (w, fresh) =>
            {
                var number = fresh ? (await CorpusWorld.PublishAsync(Alice(w), CorpusWorld.Scratch, [CorpusWorld.RandomFile("f.bin", 8)])).Number : 1;
                return new RouteCall(new WireRequest("POST", $"{ScratchPath}/versions/{number}/withdraw").Json("""{"reason":"withdrawn by the corpus"}"""), WriteScope.State);
            }),
            ["DELETE /api/v1/models/{owner}/{name}/versions/{reference}"] = new(Access.Publisher, Outcome.Ok(204), async (w, fresh) =>
                new RouteCall(new WireRequest("DELETE", await DraftPathAsync(w, fresh)), WriteScope.State)),
            ["DELETE /api/v1/models/{owner}/{name}/versions/{reference}/files/{**path}"] = new(Access.Publisher, Outcome.Ok(204), async (w, fresh) =>
                new RouteCall(new WireRequest("DELETE", $"{await DraftPathAsync(w, fresh)}/files/pending.bin"), WriteScope.State)),

            ["GET /api/v1/models/{owner}/{name}/versions/{reference}/files/{**path}"] = Read(w => $"{Public(w).Path}/versions/1/files/{CorpusWorld.ModelFile}"),
            ["HEAD /api/v1/models/{owner}/{name}/versions/{reference}/files/{**path}"] = new(Access.Open, Outcome.Ok(), (w, _) => Call(
                new WireRequest("HEAD", $"{Public(w).Path}/versions/1/files/{CorpusWorld.ModelFile}"), WriteScope.Nothing)),
            ["PUT /api/v1/models/{owner}/{name}/versions/{reference}/files/{**path}"] = new(Access.Publisher, Outcome.Ok(), async (w, fresh) =>
            {
                var file = CorpusWorld.RandomFile("pending.bin", 32);
                var path = await DraftPathAsync(w, fresh, file.File);
                return new RouteCall(
                    new WireRequest("PUT", $"{path}/files/pending.bin").Bytes(file.Bytes).Header("X-Grid-Sha256", file.File.Sha256),
                    WriteScope.Under("state/", "blobs/"));
            }),
        };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ScratchPath => $"{ModelsPath}/{CorpusWorld.Scratch}";

    private static CorpusWorld.Target Public(CorpusWorld world) => world.Targets[CorpusWorld.Public];

    private static GridClient Alice(CorpusWorld world) => world.Client(Identities.AlicePublish);

    private static string Unique() => Guid.NewGuid().ToString("N")[..12];

    private static string ToJson<T>(T value) => JsonSerializer.Serialize(value, ApiJson.Options);

    private static RouteCase Read(Func<CorpusWorld, string> target) =>
        new(Access.Open, Outcome.Ok(), (w, _) => Call(WireRequest.Get(target(w)), WriteScope.Nothing));

    private static Task<RouteCall> Call(WireRequest request, WriteScope writes) => Task.FromResult(new RouteCall(request, writes));

    private static Task<VersionDetails> ScratchDraftAsync(CorpusWorld world, params ManifestFile[] files) =>
        Alice(world).CreateDraftAsync(CorpusWorld.Scratch, new CreateDraftRequest(files), Ct);

    /// <summary>
    /// A draft to aim at: for a call that will succeed a new draft of the scratch model that declares
    /// <c>pending.bin</c> (or <paramref name="file"/>); for a refused call the public model's shared draft.
    /// </summary>
    private static async Task<string> DraftPathAsync(CorpusWorld world, bool fresh, ManifestFile? file = null)
    {
        if (!fresh)
        {
            return $"{Public(world).Path}/versions/{Public(world).Draft}";
        }

        var draft = await ScratchDraftAsync(world, file ?? CorpusWorld.RandomFile("pending.bin", 32).File);
        return $"{ScratchPath}/versions/{draft.Number}";
    }
}
