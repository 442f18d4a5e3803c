using System.Text;
using ModelGrid.Api;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Adversarial;

public static partial class RouteCases
{
    /// <summary>The smallest declared artifact, imported and fetched by the artifact routes.</summary>
    public const string Artifact = "t10k-labels-idx1-ubyte.gz";

    private static Dictionary<string, RouteCase> OtherRoutes() =>
        new(StringComparer.Ordinal)
        {
            ["GET /api/v1/models/{owner}/{name}/versions/{reference}/uploads"] = new(Access.Publisher, Outcome.Ok(), (w, _) => Call(
                WireRequest.Get($"{Public(w).Path}/versions/{Public(w).Draft}/uploads"), WriteScope.Nothing)),
            ["POST /api/v1/models/{owner}/{name}/versions/{reference}/uploads"] = new(Access.Publisher, Outcome.Ok(201), async (w, fresh) =>
            {
                var file = CorpusWorld.RandomFile($"u-{Unique()}.bin", 10).File;
                return new RouteCall(new WireRequest("POST", $"{await DraftPathAsync(w, fresh)}/uploads").Json(ToJson(new StartUploadRequest(file.Path, file.Size, file.Sha256))), WriteScope.Under("state/", "uploads/"));
            }),
            ["GET /api/v1/uploads/{id}"] = new(Access.OwnedResource, Outcome.Ok(), (w, _) => Call(WireRequest.Get($"/api/v1/uploads/{Public(w).UploadId}"), WriteScope.Nothing), "Upload not found"),
            ["HEAD /api/v1/uploads/{id}"] = new(Access.OwnedResource, Outcome.Ok(204), (w, _) => Call(new WireRequest("HEAD", $"/api/v1/uploads/{Public(w).UploadId}"), WriteScope.Nothing), "Upload not found"),
            ["PATCH /api/v1/uploads/{id}"] = new(Access.OwnedResource, Outcome.Ok(204), async (w, fresh) =>
                new RouteCall(
                    new WireRequest("PATCH", $"/api/v1/uploads/{await UploadIdAsync(w, fresh)}").Bytes([1, 2, 3, 4, 5], "application/offset+octet-stream").Header("Upload-Offset", "0"),
                    WriteScope.Under("uploads/")),
                "Upload not found"),
            ["DELETE /api/v1/uploads/{id}"] = new(Access.OwnedResource, Outcome.Ok(204), async (w, fresh) =>
                new RouteCall(new WireRequest("DELETE", $"/api/v1/uploads/{await UploadIdAsync(w, fresh)}"), WriteScope.Under("uploads/")),
                "Upload not found"),

            ["GET /api/v1/models/{owner}/{name}/versions/{reference}/card"] = Read(w => $"{Public(w).Path}/versions/1/card"),
            ["GET /api/v1/models/{owner}/{name}/versions/{reference}/cards"] = Read(w => $"{Public(w).Path}/versions/1/cards"),
            ["GET /api/v1/models/{owner}/{name}/versions/{reference}/cards/{revision}"] = Read(w => $"{Public(w).Path}/versions/1/cards/r1"),
            ["GET /api/v1/models/{owner}/{name}/versions/{reference}/bom"] = Read(w => $"{Public(w).Path}/versions/1/bom"),
            ["POST /api/v1/models/{owner}/{name}/versions/{reference}/cards"] = new(Access.Publisher, Outcome.Ok(201), (_, _) => Call(
                new WireRequest("POST", $"{ScratchPath}/versions/1/cards").Bytes("# A revision by the corpus\n"u8.ToArray(), "text/markdown"),
                WriteScope.Under("state/", "cards/"))),

            ["GET /api/v1/models/{owner}/{name}/versions/{reference}/openness"] = Read(w => $"{Public(w).Path}/versions/1/openness"),
            ["GET /api/v1/models/{owner}/{name}/versions/{reference}/openness/badge.svg"] = Read(w => $"{Public(w).Path}/versions/1/openness/badge.svg"),
            ["PUT /api/v1/models/{owner}/{name}/versions/{reference}/openness"] = new(Access.Publisher, Outcome.Ok(), (_, _) => Call(
                new WireRequest("PUT", $"{ScratchPath}/versions/1/openness").Bytes(Encoding.UTF8.GetBytes(CorpusWorld.Openness), "application/yaml"),
                WriteScope.Under("state/", "openness/", "cards/"))),

            ["GET /api/v1/models/{owner}/{name}/aliases"] = Read(w => $"{Public(w).Path}/aliases?history=true"),
            ["GET /api/v1/models/{owner}/{name}/aliases/{alias}/history"] = Read(w => $"{Public(w).Path}/aliases/stable/history"),
            ["PUT /api/v1/models/{owner}/{name}/aliases/{alias}"] = new(Access.Publisher, Outcome.Ok(), (_, _) => Call(
                new WireRequest("PUT", $"{ScratchPath}/aliases/a{Unique()}").Json("""{"version":1}"""), WriteScope.State)),
            ["DELETE /api/v1/models/{owner}/{name}/aliases/{alias}"] = new(Access.Publisher, Outcome.Ok(204), async (w, fresh) =>
            {
                var alias = "stable";
                if (fresh)
                {
                    alias = $"a{Unique()}";
                    await Alice(w).SetAliasAsync(CorpusWorld.Scratch, alias, 1, Ct);
                }

                return new RouteCall(new WireRequest("DELETE", $"{ScratchPath}/aliases/{alias}"), WriteScope.State);
            }),
            ["GET /api/v1/models/{owner}/{name}/compare"] = new(Access.Open, new Outcome(409, "No result to compare"), (w, _) => Call(
                WireRequest.Get($"{Public(w).Path}/compare?versions=1,{Public(w).Withdrawn}&suite={CorpusWorld.Suite}"), WriteScope.Nothing)),

            ["GET /api/v1/tokens"] = new(Access.Token, Outcome.Ok(), (_, _) => Call(WireRequest.Get("/api/v1/tokens"), WriteScope.Nothing)),
            ["POST /api/v1/tokens"] = new(Access.Admin, Outcome.Ok(201), (_, _) => Call(
                new WireRequest("POST", "/api/v1/tokens").Json(ToJson(new CreateTokenRequest("alice", ["read"], "made by the corpus"))), WriteScope.State)),
            ["DELETE /api/v1/tokens/{id}"] = new(Access.OwnedResource, Outcome.Ok(), async (w, _) =>
            {
                var victim = await w.Grid.Admin.CreateTokenAsync(new CreateTokenRequest("alice", ["read"], "to be revoked by the corpus"), Ct);
                return new RouteCall(new WireRequest("DELETE", $"/api/v1/tokens/{victim.Info.Id}"), WriteScope.State);
            }, "Token not found"),
            ["GET /api/v1/owners"] = new(Access.Admin, Outcome.Ok(), (_, _) => Call(WireRequest.Get("/api/v1/owners"), WriteScope.Nothing)),

            ["GET /api/v1/artifacts"] = Read(_ => "/api/v1/artifacts"),
            ["POST /api/v1/artifacts/{artifact}/fetch"] = new(Access.Admin, Outcome.Ok(), (_, _) => Call(
                new WireRequest("POST", $"/api/v1/artifacts/{Artifact}/fetch"), WriteScope.Under("blobs/"))),
            ["PUT /api/v1/artifacts/{artifact}"] = new(Access.Admin, Outcome.Ok(), (_, _) => Call(
                new WireRequest("PUT", $"/api/v1/artifacts/{Artifact}").Bytes(File.ReadAllBytes(TestArtifacts.Get(Artifact))),
                WriteScope.Under("blobs/"))),

            ["GET /api/v1/suites"] = Read(_ => "/api/v1/suites"),
            ["GET /api/v1/suites/{id}"] = Read(_ => $"/api/v1/suites/{CorpusWorld.Suite}"),
            ["GET /api/v1/suites/{id}/leaderboard"] = Read(_ => $"/api/v1/suites/{CorpusWorld.Suite}/leaderboard"),
            ["GET /api/v1/evaluations"] = Read(w => $"/api/v1/evaluations?model={Public(w).Id}"),
            ["GET /api/v1/evaluations/{id:guid}"] = Read(w => $"/api/v1/evaluations/{Public(w).Job:D}"),
            ["GET /api/v1/evaluations/{id:guid}/logs"] = new(Access.JobOwner, Outcome.Ok(), (w, _) => Call(
                WireRequest.Get($"/api/v1/evaluations/{Public(w).Job:D}/logs"), WriteScope.Nothing)),
            ["POST /api/v1/evaluations/{id:guid}/cancel"] = new(Access.JobOwner, Outcome.Ok(), (w, _) => Call(
                new WireRequest("POST", $"/api/v1/evaluations/{Public(w).Job:D}/cancel"), WriteScope.Nothing)),
            ["POST /api/v1/evaluations"] = new(Access.Evaluate, Outcome.Ok(202), (w, _) => Task.FromResult(new RouteCall(
                new WireRequest("POST", "/api/v1/evaluations").Json(ToJson(new SubmitEvaluationRequest(Public(w).Id.ToString(), CorpusWorld.Suite, "1"))),
                WriteScope.Job,
                async response => await w.WaitForJobAsync(response.Json().GetProperty("job").GetProperty("id").GetGuid())))),

            ["GET /api/v1/admin/state-check"] = new(Access.Admin, Outcome.Ok(), (_, _) => Call(WireRequest.Get("/api/v1/admin/state-check"), WriteScope.Nothing)),
            ["POST /api/v1/admin/state-check/quarantine"] = new(Access.Admin, Outcome.Ok(), (_, _) => Call(
                new WireRequest("POST", "/api/v1/admin/state-check/quarantine"), WriteScope.Nothing)),
        };

    /// <summary>An upload session to aim at: a new one on a new scratch draft, or the public model's shared one.</summary>
    private static async Task<string> UploadIdAsync(CorpusWorld world, bool fresh)
    {
        if (!fresh)
        {
            return Public(world).UploadId;
        }

        var file = CorpusWorld.RandomFile("big.bin", 10).File;
        var draft = await ScratchDraftAsync(world, file);
        return (await Alice(world).StartUploadAsync(CorpusWorld.Scratch, draft.Number, new StartUploadRequest(file.Path, file.Size, file.Sha256), Ct)).Id;
    }
}
