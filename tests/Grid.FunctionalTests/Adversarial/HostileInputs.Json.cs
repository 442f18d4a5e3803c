using System.Text;

namespace ModelGrid.FunctionalTests.Adversarial;

public static partial class HostileInputs
{
    /// <summary>
    /// Invalid and oversized JSON bodies on every route that reads one: cut short, wrong types, arrays, nulls, deep
    /// nesting, 10 MB fields, a body over Kestrel's limit, bad UTF-8, other media types, unknown enum values, and
    /// values the rules refuse. Each is a 400-class problem and writes nothing — not even an owner record.
    /// </summary>
    public static readonly IReadOnlyList<HostileCase> Bodies = [.. JsonCases()];

    private static IEnumerable<HostileCase> JsonCases()
    {
        var bad = new Outcome(400, "Invalid request body");
        var tenMegabytes = new string('x', 10 << 20);
        var deep = new string('[', 1000) + new string(']', 1000);

        HostileCase Post(string label, string target, string json, Outcome expected, Identity? who = null, string method = "POST") =>
            new($"{label}", who ?? Identities.AlicePublish, _ => new WireRequest(method, target).Json(json), expected);

        // Models.
        yield return Post("create model: cut short", Models, """{"owner":"alice","na""", bad);
        yield return Post("create model: wrong types", Models, """{"owner":1,"name":true}""", bad);
        yield return Post("create model: an array", Models, "[]", bad);
        yield return Post("create model: null", Models, "null", bad);
        yield return Post("create model: empty body", Models, string.Empty, bad);
        yield return Post("create model: trailing comma", Models, """{"owner":"alice","name":"x",}""", bad);
        yield return Post("create model: comment", Models, """{"owner":"alice", /* hi */ "name":"x"}""", bad);
        yield return Post("create model: nested 1000 deep", Models, $$"""{"owner":"alice","name":"x","tags":{{deep}}}""", bad);
        yield return Post("create model: 10 MB description", Models, $$"""{"owner":"alice","name":"x{{Unique()}}","description":"{{tenMegabytes}}"}""", Outcome.Invalid);
        yield return Post("create model: unknown visibility", Models, """{"owner":"alice","name":"x","visibility":"secret"}""", bad);
        yield return Post("create model: visibility as a number", Models, """{"owner":"alice","name":"x","visibility":7}""", bad);
        yield return Post("create model: 33 tags", Models, Json(new ModelGrid.Api.CreateModelRequest("alice", $"x{Unique()}", Tags: [.. Enumerable.Range(0, 33).Select(i => $"t{i}")])), Outcome.Invalid);
        yield return Post("create model: a tag with markup", Models, """{"owner":"alice","name":"x","tags":["<script>"]}""", Outcome.Invalid);
        yield return Post("create model: it exists", Models, """{"owner":"alice","name":"public"}""", new Outcome(409, "Model exists"));
        yield return Post("create model: duplicate owner key", Models, """{"owner":"alice","owner":"bob","name":"x"}""", bad);
        yield return Post("create model: new owner, invalid licence", Models, $$"""{"owner":"n{{Unique()}}","name":"x","license":"not a licence!"}""", Outcome.Invalid, Identities.Admin);
        yield return Post("create model: new owner, long description", Models, $$"""{"owner":"n{{Unique()}}","name":"x","description":"{{new string('d', 4001)}}"}""", Outcome.Invalid, Identities.Admin);
        yield return Post("create model: new owner, bad task", Models, $$"""{"owner":"n{{Unique()}}","name":"x","task":"Image Classification"}""", Outcome.Invalid, Identities.Admin);
        yield return new HostileCase("create model: text/plain", Identities.AlicePublish,
            _ => new WireRequest("POST", Models).Bytes(Encoding.UTF8.GetBytes("""{"owner":"alice","name":"x"}"""), "text/plain"), new Outcome(415, "Unsupported Media Type"));
        yield return new HostileCase("create model: invalid UTF-8", Identities.AlicePublish,
            _ => new WireRequest("POST", Models).Bytes([.. Encoding.UTF8.GetBytes("""{"owner":"alice","name":"x"""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")], "application/json"), bad);
        yield return new HostileCase("create model: over Kestrel's 30 MB", Identities.AlicePublish,
            _ => new WireRequest("POST", Models) { DeclaredLength = 31_000_000, Headers = [new("Content-Type", "application/json")] }, new Outcome(413, "Content Too Large"));
        yield return Post("update model: tags a string", ScratchPath, """{"tags":"x"}""", bad, method: "PATCH");
        yield return Post("update model: unknown visibility", ScratchPath, """{"visibility":"hidden"}""", bad, method: "PATCH");
        yield return Post("update model: invalid licence", ScratchPath, """{"license":"(MIT"}""", Outcome.Invalid, method: "PATCH");
        yield return Post("update model: 10 MB description", ScratchPath, $$"""{"description":"{{tenMegabytes}}"}""", Outcome.Invalid, method: "PATCH");

        // Versions, files, uploads.
        var versions = $"{ScratchPath}/versions";
        yield return Post("create draft: files null", versions, """{"files":null}""", bad);
        yield return Post("create draft: no files key", versions, "{}", bad);
        yield return Post("create draft: size a string of letters", versions, $$"""{"files":[{"path":"a","size":"four","sha256":"{{Sha256("abcd")}}"}]}""", bad);
        yield return Post("create draft: size beyond a long", versions, $$"""{"files":[{"path":"a","size":99999999999999999999,"sha256":"{{Sha256("abcd")}}"}]}""", bad);
        yield return Post("create draft: size over the largest file", versions, $$"""{"files":[{"path":"a","size":{{AdversarialGrid.MaxFileBytes + 1}},"sha256":"{{Sha256("abcd")}}"}]}""", Outcome.Invalid);
        yield return Post("create draft: a file null", versions, """{"files":[null]}""", Outcome.Invalid);
        yield return Post("create draft: card a number", versions, $$"""{"files":[{"path":"a","size":4,"sha256":"{{Sha256("abcd")}}"}],"card":5}""", bad);
        yield return new HostileCase("declare file: fields missing", Identities.AlicePublish, w => new WireRequest("POST", $"{PublicDraft(w)}/files").Json("""{"path":"x.bin"}"""), bad);
        yield return new HostileCase("start upload: size negative", Identities.AlicePublish,
            w => new WireRequest("POST", $"{PublicDraft(w)}/uploads").Json($$"""{"path":"n.bin","size":-5,"sha256":"{{Sha256("abcd")}}"}"""), Outcome.Invalid);
        yield return Post("withdraw: reason a number", $"{ScratchPath}/versions/1/withdraw", """{"reason":5}""", bad);
        yield return Post("set alias: version a word", $"{ScratchPath}/aliases/x{Unique()}", """{"version":"one"}""", bad, method: "PUT");
        yield return Post("set alias: version 0", $"{ScratchPath}/aliases/x{Unique()}", """{"version":0}""", new Outcome(404, "Version not found"), method: "PUT");

        // Evaluations and tokens.
        const string Evaluations = "/api/v1/evaluations";
        yield return Post("submit evaluation: no suite", Evaluations, """{"model":"alice/public"}""", bad);
        yield return Post("submit evaluation: unknown suite", Evaluations, """{"model":"alice/public","suite":"../../etc"}""", new Outcome(404, "Suite not found"));
        yield return Post("submit evaluation: force a string", Evaluations, """{"model":"alice/public","suite":"compas-recidivism","force":"yes"}""", bad);
        yield return Post("submit evaluation: version 0", Evaluations, """{"model":"alice/public","suite":"compas-recidivism","version":"0"}""", Outcome.Invalid);
        yield return Post("submit evaluation: a draft", Evaluations, """{"model":"alice/public","suite":"compas-recidivism","version":"2"}""", new Outcome(409, "Version not evaluable"));
        yield return Post("submit evaluation: a withdrawn version", Evaluations, """{"model":"alice/public","suite":"compas-recidivism","version":"3"}""", new Outcome(409, "Version not evaluable"));
        yield return Post("create token: unknown scope", "/api/v1/tokens", """{"owner":"alice","scopes":["root"]}""", Outcome.Invalid, Identities.Admin);
        yield return Post("create token: no scopes", "/api/v1/tokens", """{"owner":"alice","scopes":[]}""", Outcome.Invalid, Identities.Admin);
        yield return Post("create token: expired already", "/api/v1/tokens", """{"owner":"alice","scopes":["read"],"expiresAt":"2001-01-01T00:00:00Z"}""", Outcome.Invalid, Identities.Admin);
        yield return Post("create token: expiry not a date", "/api/v1/tokens", """{"owner":"alice","scopes":["read"],"expiresAt":"tomorrow"}""", bad, Identities.Admin);
        yield return Post("create token: 201-character description", "/api/v1/tokens", $$"""{"owner":"alice","scopes":["read"],"description":"{{new string('d', 201)}}"}""", Outcome.Invalid, Identities.Admin);
        yield return Post("create token: new owner, unknown scope", "/api/v1/tokens", $$"""{"owner":"n{{Unique()}}","scopes":["read","root"]}""", Outcome.Invalid, Identities.Admin);
    }
}
