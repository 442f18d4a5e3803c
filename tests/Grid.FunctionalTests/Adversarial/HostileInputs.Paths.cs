using ModelGrid.Api;
using ModelGrid.Hub;

namespace ModelGrid.FunctionalTests.Adversarial;

public static partial class HostileInputs
{
    private static IEnumerable<HostileCase> JsonNameCases()
    {
        (string Label, string Owner, string Name)[] models =
        [
            ("dot-dot owner", "..", "x"),
            ("slash in name", "alice", "a/b"),
            ("traversal name", "alice", "../secret"),
            ("NUL in name", "alice", "x\0y"),
            ("empty owner", "", "x"),
            ("upper-case owner", "ALICE", "x"),
            ("65-character name", "alice", new string('x', 65)),
            ("RTL override in name", "alice", "\u202Egnp.exe"),
            ("zero-width in owner", "al\u200Bice", "x"),
        ];
        foreach (var (label, owner, name) in models)
        {
            yield return new HostileCase($"create model: {label}", Identities.Admin,
                _ => new WireRequest("POST", Models).Json(Json(new CreateModelRequest(owner, name))), Outcome.Invalid);
        }

        foreach (var owner in new[] { "..", "Alice", "a/b", "", "x\u202E" })
        {
            yield return new HostileCase($"create token: owner '{owner.Replace("\u202E", "<RLO>", StringComparison.Ordinal)}'", Identities.Admin,
                _ => new WireRequest("POST", "/api/v1/tokens").Json(Json(new CreateTokenRequest(owner, ["read"]))), Outcome.Invalid);
        }
    }

    /// <summary>File paths no client OS may be handed, declared in a new draft: refused before the draft exists.</summary>
    private static IEnumerable<HostileCase> DraftPathCases()
    {
        (string Label, string[] Paths)[] drafts =
        [
            ("../ prefix", ["../escape.bin"]),
            ("inner ..", ["a/../b.bin"]),
            ("./ prefix", ["./a.bin"]),
            ("absolute", ["/etc/passwd"]),
            ("drive letter", ["C:/x.bin"]),
            ("backslash", ["a\\b.bin"]),
            ("empty segment", ["a//b.bin"]),
            ("trailing slash", ["a/"]),
            ("empty path", [""]),
            ("NUL", ["a\0b.bin"]),
            ("CR LF", ["a\r\nb.bin"]),
            ("ESC", ["a\u001b[2Jb.bin"]),
            ("RTL override", ["model\u202Enib.exe"]),
            ("zero-width space", ["mo\u200Bdel.bin"]),
            ("line separator", ["a\u2028b.bin"]),
            ("device name con", ["con"]),
            ("device name nul.txt", ["docs/nul.txt"]),
            ("device name COM1", ["COM1.bin"]),
            ("trailing dot", ["a."]),
            ("trailing space", ["a "]),
            ("colon", ["a:b"]),
            ("percent", ["%2e%2e/x.bin"]),
            ("question mark", ["a?b"]),
            ("hash", ["a#b"]),
            ("asterisk", ["a*b"]),
            ("1025 characters", [new string('a', 1025)]),
            ("256-character segment", [new string('a', 256) + "/b"]),
            ("case collision", ["A.bin", "a.bin"]),
            ("file and folder", ["a", "a/b"]),
            ("NFC and NFD", ["caf\u00e9.bin", "cafe\u0301.bin"]),
            ("duplicate", ["x.bin", "x.bin"]),
        ];
        foreach (var (label, paths) in drafts)
        {
            yield return new HostileCase($"draft path: {label}", Identities.AlicePublish,
                _ => new WireRequest("POST", $"{ScratchPath}/versions").Json(DraftOf(paths)), Outcome.Invalid);
        }

        // Written by hand: a serializer would not write a lone surrogate, and UTF-8 cannot carry one unescaped.
        yield return new HostileCase("draft path: lone surrogate", Identities.AlicePublish,
            _ => new WireRequest("POST", $"{ScratchPath}/versions").Json($$"""{"files":[{"path":"a\ud800b.bin","size":4,"sha256":"{{Sha256("abcd")}}"}]}"""), new Outcome(400, "Invalid request body"));

        (string Label, ManifestFile File, Outcome Expected)[] declarations =
        [
            ("declare: traversal", new ManifestFile("../x.bin", 4, Sha256("abcd")), Outcome.Invalid),
            ("declare: device name", new ManifestFile("aux.bin", 4, Sha256("abcd")), Outcome.Invalid),
            ("declare: case collision with the draft", new ManifestFile("PENDING.BIN", 4, Sha256("abcd")), Outcome.Invalid),
            ("declare: under a declared file", new ManifestFile("pending.bin/x", 4, Sha256("abcd")), Outcome.Invalid),
            ("declare: negative size", new ManifestFile("neg.bin", -1, Sha256("abcd")), Outcome.Invalid),
            ("declare: over the largest file", new ManifestFile("huge.bin", AdversarialGrid.MaxFileBytes + 1, Sha256("abcd")), Outcome.Invalid),
            ("declare: upper-case digest", new ManifestFile("u.bin", 4, Sha256("abcd").ToUpperInvariant()), Outcome.Invalid),
            ("declare: short digest", new ManifestFile("s.bin", 4, Sha256("abcd")[..63]), Outcome.Invalid),
        ];
        foreach (var (label, file, expected) in declarations)
        {
            yield return new HostileCase(label, Identities.AlicePublish, w => new WireRequest("POST", $"{PublicDraft(w)}/files").Json(Json(file)), expected);
        }

        yield return new HostileCase("start upload: RTL override", Identities.AlicePublish,
            w => new WireRequest("POST", $"{PublicDraft(w)}/uploads").Json(Json(new StartUploadRequest("a\u202Eb.bin", 4, Sha256("abcd")))), Outcome.Invalid);
        yield return new HostileCase("start upload: over the largest file", Identities.AlicePublish,
            w => new WireRequest("POST", $"{PublicDraft(w)}/uploads").Json(Json(new StartUploadRequest("big.bin", AdversarialGrid.MaxFileBytes + 1, Sha256("abcd")))), new Outcome(413, "Request body too large"));
        yield return new HostileCase("start upload: traversal", Identities.AlicePublish,
            w => new WireRequest("POST", $"{PublicDraft(w)}/uploads").Json(Json(new StartUploadRequest("../../uploads/x", 4, Sha256("abcd")))), Outcome.Invalid);
    }

    /// <summary>Hostile paths in the URL of a whole-file upload into alice's shared draft: nothing declared, nothing stored.</summary>
    private static IEnumerable<HostileCase> UploadPathCases()
    {
        (string Label, string Path, Outcome Expected)[] rows =
        [
            ("encoded slash traversal", "..%2F..%2Fstate%2Fx.json", Outcome.Invalid),
            ("encoded dots (normalised to the versions route)", "%2e%2e/%2e%2e/escape.bin", new Outcome(405, "Method Not Allowed")),
            ("NUL", "a%00b.bin", new Outcome(400, "Bad request")),
            ("line feed", "a%0Ab.bin", Outcome.Invalid),
            ("RTL override", "model%E2%80%AEnib.exe", Outcome.Invalid),
            ("zero-width space", "mo%E2%80%8Bdel.bin", Outcome.Invalid),
            ("device name", "con", Outcome.Invalid),
            ("colon", "a%3Ab.bin", Outcome.Invalid),
            ("trailing dot", "a.", Outcome.Invalid),
            ("trailing space", "a%20", Outcome.Invalid),
            ("case collision with the draft", "PENDING.BIN", Outcome.Invalid),
            ("under a declared file", "pending.bin/x", Outcome.Invalid),
            ("1025 characters", new string('a', 1025), Outcome.Invalid),
            ("trailing slash", "a/", Outcome.Invalid),
        ];
        foreach (var (label, path, expected) in rows)
        {
            yield return new HostileCase($"upload path: {label}", Identities.AlicePublish,
                w => new WireRequest("PUT", $"{PublicDraft(w)}/files/{path}").Bytes("abcd"u8.ToArray()).Header("X-Grid-Sha256", Sha256("abcd")),
                expected);
        }
    }

    /// <summary>Hostile paths in the URL of a download: nothing but the version's own files is ever served.</summary>
    private static IEnumerable<HostileCase> DownloadPathCases()
    {
        (string Label, string Path, Outcome Expected)[] rows =
        [
            ("encoded slash traversal", "..%2F..%2F..%2Fstate%2Ftoken-token", Outcome.Invalid),
            ("encoded dots out of files", "%2e%2e/%2e%2e/manifest", new Outcome(404, "Alias not found")),
            ("NUL", $"{CorpusWorld.ModelFile}%00", new Outcome(400, "Bad request")),
            ("device name", "con", new Outcome(404, "File not found")),
            ("other case", CorpusWorld.ModelFile.ToUpperInvariant(), new Outcome(404, "File not found")),
            ("trailing slash", $"{CorpusWorld.ModelFile}/", Outcome.Invalid),
            ("absolute blob path", "%2Fblobs%2Fsha256", Outcome.Invalid),
            ("a folder", "docs", new Outcome(404, "File not found")),
        ];
        foreach (var (label, path, expected) in rows)
        {
            yield return new HostileCase($"download path: {label}", Identities.Anonymous, _ => WireRequest.Get(PublicFile(path)), expected);
        }
    }
}
