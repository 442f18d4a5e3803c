using ModelGrid.Api;

namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>
/// A read of something that belongs to a model, aimed at alice's private model and at one that does not exist:
/// <see cref="Request"/> gets the model's path, a job id and an upload id. <see cref="Owner"/> is what alice herself is
/// answered (null: not asked), which shows that the private target is really there.
/// </summary>
public sealed record VisibilityProbe(string Name, Func<string, Guid, string, WireRequest> Request, int? Owner = 200)
{
    public override string ToString() => Name;
}

/// <summary>Every read route that can name a private model, its versions, files, cards, aliases, jobs or uploads.</summary>
public static class VisibilityProbes
{
    private const string Versions = "versions";

    public static readonly IReadOnlyList<VisibilityProbe> All =
    [
        Get("model", m => m),
        Get("versions", m => $"{m}/{Versions}"),
        Get("drafts", m => $"{m}/{Versions}?status=draft"),
        Get("drafts older than a minute", m => $"{m}/{Versions}?olderThan=1m"),
        Get("version 1", m => $"{m}/{Versions}/1"),
        Get("version latest", m => $"{m}/{Versions}/latest"),
        Get("version by alias", m => $"{m}/{Versions}/stable"),
        Get("draft version", m => $"{m}/{Versions}/2"),
        Get("withdrawn version", m => $"{m}/{Versions}/3"),
        Get("version 999", m => $"{m}/{Versions}/999", owner: 404),
        Get("manifest", m => $"{m}/{Versions}/1/manifest"),
        Get("file", m => $"{m}/{Versions}/1/files/{CorpusWorld.ModelFile}"),
        Get("nested file", m => $"{m}/{Versions}/latest/files/docs/notes.txt"),
        Get("missing file", m => $"{m}/{Versions}/1/files/none.bin", owner: 404),
        Get("withdrawn file", m => $"{m}/{Versions}/3/files/{CorpusWorld.ModelFile}", owner: 410),
        Get("draft file", m => $"{m}/{Versions}/2/files/pending.bin", owner: 404),
        new("file HEAD", (m, _, _) => new WireRequest("HEAD", $"{m}/{Versions}/1/files/{CorpusWorld.ModelFile}")),
        new("file range", (m, _, _) => WireRequest.Get($"{m}/{Versions}/1/files/{CorpusWorld.ModelFile}").Header("Range", "bytes=0-9"), 206),
        new("file if-none-match *", (m, _, _) => WireRequest.Get($"{m}/{Versions}/1/files/{CorpusWorld.ModelFile}").Header("If-None-Match", "*"), 304),
        Get("card", m => $"{m}/{Versions}/1/card"),
        Get("card of latest", m => $"{m}/{Versions}/latest/card"),
        Get("card revisions", m => $"{m}/{Versions}/1/cards"),
        Get("card r1", m => $"{m}/{Versions}/1/cards/r1"),
        Get("openness", m => $"{m}/{Versions}/1/openness"),
        Get("openness badge", m => $"{m}/{Versions}/1/openness/badge.svg"),
        Get("aliases", m => $"{m}/aliases"),
        Get("aliases with history", m => $"{m}/aliases?history=true"),
        Get("alias history", m => $"{m}/aliases/stable/history"),
        Get("compare", m => $"{m}/compare?versions=1,3&suite={CorpusWorld.Suite}", owner: 409),
        Get("uploads of the draft", m => $"{m}/{Versions}/2/uploads"),
        new("evaluations of the model", (m, _, _) => WireRequest.Get($"/api/v1/evaluations?model={ModelOf(m)}")),
        new("evaluations of version 1", (m, _, _) => WireRequest.Get($"/api/v1/evaluations?model={ModelOf(m)}&version=1")),
        new("evaluation", (_, job, _) => WireRequest.Get($"/api/v1/evaluations/{job:D}")),
        new("evaluation without result", (_, job, _) => WireRequest.Get($"/api/v1/evaluations/{job:D}?result=false")),
        new("evaluation log", (_, job, _) => WireRequest.Get($"/api/v1/evaluations/{job:D}/logs")),
        new("evaluation cancel", (_, job, _) => new WireRequest("POST", $"/api/v1/evaluations/{job:D}/cancel")),
        new("evaluation submit", (m, _, _) => new WireRequest("POST", "/api/v1/evaluations").Json(
            System.Text.Json.JsonSerializer.Serialize(new SubmitEvaluationRequest(ModelOf(m), CorpusWorld.Suite, "1"), ApiJson.Options)), null),
        new("upload session", (_, _, upload) => WireRequest.Get($"/api/v1/uploads/{upload}")),
        new("upload session HEAD", (_, _, upload) => new WireRequest("HEAD", $"/api/v1/uploads/{upload}"), 204),
        new("search", (m, _, _) => WireRequest.Get($"/api/v1/models?search={ModelOf(m).Split('/')[1]}"), null),
    ];

    private static VisibilityProbe Get(string name, Func<string, string> path, int? owner = 200) =>
        new(name, (m, _, _) => WireRequest.Get(path(m)), owner);

    private static string ModelOf(string path) => path["/api/v1/models/".Length..];
}
