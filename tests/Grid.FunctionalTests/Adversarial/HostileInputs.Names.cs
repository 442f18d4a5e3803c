using ModelGrid.Api;

namespace ModelGrid.FunctionalTests.Adversarial;

public static partial class HostileInputs
{
    /// <summary>
    /// Traversal, encodings, control and invisible characters and lengths in owner and model names, aliases,
    /// version references and file paths: in URLs (sent byte for byte) and in JSON. None may reach another model,
    /// write anything, or answer anything but a problem.
    /// </summary>
    public static readonly IReadOnlyList<HostileCase> Names =
    [
        .. ModelNameCases(),
        .. AliasAndReferenceCases(),
        .. JsonNameCases(),
        .. DraftPathCases(),
        .. UploadPathCases(),
        .. DownloadPathCases(),
    ];

    private static IEnumerable<HostileCase> ModelNameCases()
    {
        var invalid = Outcome.Invalid;
        var notFound = new Outcome(404, "Not Found");
        (string Label, string Target, Outcome Expected)[] rows =
        [
            ("model: ../ segment", $"{Models}/../secret", notFound),
            ("model: %2e%2e segment", $"{Models}/%2e%2e/secret", notFound),
            ("model: %2E%2E segment (normalised to the model list)", $"{Models}/alice/%2E%2E", Outcome.Ok()),
            ("model: . segment", $"{Models}/alice/.", notFound),
            ("model: empty owner", $"{Models}//secret", notFound),
            ("model: %2F in owner", $"{Models}/alice%2Fsecret/x", invalid),
            ("model: %2F traversal in name", $"{Models}/bob/..%2F..%2Falice%2Fsecret", invalid),
            ("model: double-encoded dots", $"{Models}/%252e%252e/secret", invalid),
            ("model: backslash traversal", $"{Models}/alice/..%5C..%5Csecret", invalid),
            ("model: NUL", $"{Models}/ali%00ce/secret", new Outcome(400, "Bad request")),
            ("model: CR LF", $"{Models}/ali%0D%0Ace/secret", new Outcome(400, "Invalid request")),
            ("model: ESC", $"{Models}/alice/se%1B%5B2Jcret", invalid),
            ("model: RTL override", $"{Models}/alice/%E2%80%AEterces", invalid),
            ("model: zero-width space", $"{Models}/alice/se%E2%80%8Bcret", invalid),
            ("model: byte order mark", $"{Models}/%EF%BB%BFalice/secret", invalid),
            ("model: Cyrillic a", $"{Models}/%D0%B0lice/secret", invalid),
            ("model: upper case", $"{Models}/Alice/Secret", invalid),
            ("model: space", $"{Models}/alice/secret%20", invalid),
            ("model: semicolon", $"{Models}/alice/secret;x=1", invalid),
            ("model: encoded ?", $"{Models}/alice/secret%3Fx=1", invalid),
            ("model: encoded #", $"{Models}/alice/secret%23x", invalid),
            ("model: 65 characters", $"{Models}/alice/{new string('a', 65)}", invalid),
            ("model: 4000 characters", $"{Models}/{new string('a', 4000)}/x", invalid),
            ("model: request line over 8 KiB", $"{Models}/alice/{new string('a', 9000)}", new Outcome(414, "URI too long")),
            ("model: raw UTF-8 in the request line", $"{Models}/alice/s\u00e9cret", new Outcome(400, "Bad request")),
        ];
        foreach (var (label, target, expected) in rows)
        {
            yield return new HostileCase(label, Identities.AlicePublish, _ => WireRequest.Get(target), expected);
        }

        yield return new HostileCase("model: %2F in owner of a PATCH", Identities.AlicePublish,
            _ => new WireRequest("PATCH", $"{Models}/alice%2Fscratch/x").Json("""{"description":"x"}"""), invalid);
        yield return new HostileCase("model: traversal in a draft's model", Identities.AlicePublish,
            _ => new WireRequest("POST", $"{Models}/alice/..%2Fscratch/versions").Json(DraftOf("a.bin")), invalid);
        yield return new HostileCase("model: traversal in an evaluation's model", Identities.AlicePublish,
            _ => new WireRequest("POST", "/api/v1/evaluations").Json(Json(new SubmitEvaluationRequest("alice/../bob/x", CorpusWorld.Suite))), invalid);
        yield return new HostileCase("model: NUL in an evaluation's model", Identities.AlicePublish,
            _ => new WireRequest("POST", "/api/v1/evaluations").Json(Json(new SubmitEvaluationRequest("alice/sec\0ret", CorpusWorld.Suite))), invalid);
        yield return new HostileCase("model: three parts in an evaluation list", Identities.AlicePublish,
            _ => WireRequest.Get("/api/v1/evaluations?model=alice/secret/x"), invalid);
    }

    private static IEnumerable<HostileCase> AliasAndReferenceCases()
    {
        yield return new HostileCase("alias: set '..' (normalised to the model)", Identities.AlicePublish,
            _ => new WireRequest("PUT", $"{ScratchPath}/aliases/..").Json("""{"version":1}"""), new Outcome(405, "Method Not Allowed"));
        string[] aliases = ["latest", "main", "LATEST", "1abc", new('a', 65), "a%2Fb", "a%E2%80%AEb", "a%0Ab", "0123456789abcdef0123456789abcdef01234567", "-a", "a%20"];
        foreach (var alias in aliases)
        {
            var label = alias.Length > 20 ? $"{alias[..8]}…({alias.Length})" : alias;
            yield return new HostileCase($"alias: set '{label}'", Identities.AlicePublish,
                _ => new WireRequest("PUT", $"{ScratchPath}/aliases/{alias}").Json("""{"version":1}"""), Outcome.Invalid);
        }

        yield return new HostileCase("alias: delete 'latest'", Identities.AlicePublish, _ => new WireRequest("DELETE", $"{ScratchPath}/aliases/latest"), Outcome.Invalid);
        yield return new HostileCase("alias: delete a missing one", Identities.AlicePublish, _ => new WireRequest("DELETE", $"{ScratchPath}/aliases/nosuchalias"), new Outcome(404, "Alias not found"));
        yield return new HostileCase("alias: at a draft", Identities.AlicePublish,
            w => new WireRequest("PUT", $"{PublicPath}/aliases/x{Unique()}").Json($$"""{"version":{{w.Targets[CorpusWorld.Public].Draft}}}"""), new Outcome(409, "Version not published"));
        yield return new HostileCase("alias: at version 2147483648", Identities.AlicePublish,
            _ => new WireRequest("PUT", $"{ScratchPath}/aliases/big").Json("""{"version":2147483648}"""), new Outcome(400, "Invalid request body"));

        yield return new HostileCase("version reference '01' (the number 1)", Identities.AlicePublish, _ => WireRequest.Get($"{PublicPath}/versions/01"), Outcome.Ok());
        string[] references = ["0", "-1", "2147483647", "99999999999", "1.0", "1e3", "+1", "0x1", "%20%31", "ABCDEF0123456789ABCDEF0123456789ABCDEF01", "latest%00"];
        foreach (var reference in references)
        {
            var expected = reference == "latest%00" ? new Outcome(400, "Bad request") : Outcome.Invalid;
            yield return new HostileCase($"version reference '{reference}'", Identities.AlicePublish, _ => WireRequest.Get($"{PublicPath}/versions/{reference}"), expected);
        }
    }
}
