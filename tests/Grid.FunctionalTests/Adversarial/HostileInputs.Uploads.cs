using System.Globalization;
using System.Security.Cryptography;
using ModelGrid.Api;
using ModelGrid.Hub;

namespace ModelGrid.FunctionalTests.Adversarial;

public static partial class HostileInputs
{
    /// <summary>
    /// Wrong sizes and digests: a whole-file upload whose <c>X-Grid-Sha256</c> is wrong, upper-case, short, missing or
    /// repeated, whose Content-Length lies or is missing or too large, into drafts, published, withdrawn and missing
    /// versions; resumable chunks at wrong offsets, past the end, too large or wrong at the last byte; artifacts of
    /// the wrong bytes. A refused upload declares nothing, stores nothing and leaves no staging file.
    /// </summary>
    public static readonly IReadOnlyList<HostileCase> Uploads = [.. UploadCases()];

    private static IEnumerable<HostileCase> UploadCases()
    {
        var body = RandomNumberGenerator.GetBytes(64);
        var sha = Convert.ToHexStringLower(SHA256.HashData(body));
        var other = Sha256("other");
        var mismatch = new Outcome(400, "Content does not match its declaration");
        var differently = new Outcome(409, "File declared differently");

        HostileCase Put(string label, Func<WireRequest, WireRequest> shape, Outcome expected, string path = "new.bin", WriteScope? writes = null) =>
            new($"upload: {label}", Identities.AlicePublish, async w => shape(new WireRequest("PUT", $"{await FreshDraftAsync(w)}/files/{path}")), expected, writes);

        yield return Put("wrong X-Grid-Sha256", r => r.Bytes(body).Header("X-Grid-Sha256", other), mismatch);
        yield return Put("upper-case X-Grid-Sha256", r => r.Bytes(body).Header("X-Grid-Sha256", sha.ToUpperInvariant()), Outcome.Invalid);
        yield return Put("short X-Grid-Sha256", r => r.Bytes(body).Header("X-Grid-Sha256", sha[..63]), Outcome.Invalid);
        yield return Put("quoted X-Grid-Sha256", r => r.Bytes(body).Header("X-Grid-Sha256", $"\"{sha}\""), Outcome.Invalid);
        yield return Put("no X-Grid-Sha256", r => r.Bytes(body), Outcome.Invalid);
        yield return Put("two X-Grid-Sha256 headers", r => r.Bytes(body).Header("X-Grid-Sha256", sha).Header("X-Grid-Sha256", sha), Outcome.Invalid);
        yield return Put("body shorter than Content-Length", r => r.Bytes(body).Header("X-Grid-Sha256", sha).CutShort(100), Outcome.NoAnswer);
        yield return Put("body longer than Content-Length", r => r.Bytes(body).Header("X-Grid-Sha256", sha) with { DeclaredLength = 32 }, mismatch);
        yield return Put("no Content-Length (chunked)", r => r.Bytes(body).Header("X-Grid-Sha256", sha) with { Chunked = true }, new Outcome(411, "Bad request"));
        yield return Put("Content-Length over the largest file", r => r.Header("X-Grid-Sha256", sha) with { DeclaredLength = AdversarialGrid.MaxFileBytes + 1, Body = [] }, new Outcome(413, "Request body too large"));
        yield return Put("declared file, other size", r => r.Bytes(body[..32]).Header("X-Grid-Sha256", DeclaredSha), differently, DeclaredPath);
        yield return Put("declared file, other digest", r => r.Bytes(DeclaredBytes).Header("X-Grid-Sha256", other), differently, DeclaredPath);
        yield return Put("declared file, other bytes", r => r.Bytes(RandomNumberGenerator.GetBytes(DeclaredBytes.Length)), mismatch, DeclaredPath);
        yield return Put("declared file, right bytes", r => r.Bytes(DeclaredBytes), Outcome.Ok(), DeclaredPath, WriteScope.Under("state/", "blobs/"));
        yield return Put("empty file", r => r.Bytes([]).Header("X-Grid-Sha256", Convert.ToHexStringLower(SHA256.HashData([]))), Outcome.Ok(), "empty.bin", WriteScope.Under("state/", "blobs/"));

        yield return new HostileCase("upload: into a published version", Identities.AlicePublish,
            _ => new WireRequest("PUT", $"{PublicPath}/versions/1/files/new.bin").Bytes(body).Header("X-Grid-Sha256", sha), new Outcome(409, "Version is immutable"));
        yield return new HostileCase("upload: into a withdrawn version", Identities.AlicePublish,
            w => new WireRequest("PUT", $"{PublicPath}/versions/{w.Targets[CorpusWorld.Public].Withdrawn}/files/new.bin").Bytes(body).Header("X-Grid-Sha256", sha), new Outcome(409, "Version is immutable"));
        yield return new HostileCase("upload: into a missing version", Identities.AlicePublish,
            _ => new WireRequest("PUT", $"{PublicPath}/versions/999/files/new.bin").Bytes(body).Header("X-Grid-Sha256", sha), new Outcome(404, "Version not found"));
        yield return new HostileCase("upload: into 'latest'", Identities.AlicePublish,
            _ => new WireRequest("PUT", $"{PublicPath}/versions/latest/files/new.bin").Bytes(body).Header("X-Grid-Sha256", sha), Outcome.Invalid);

        HostileCase Patch(string label, Func<WireRequest, WireRequest> shape, Outcome expected, WriteScope? writes = null) =>
            new($"chunk: {label}", Identities.AlicePublish, async w => shape(new WireRequest("PATCH", $"/api/v1/uploads/{await FreshUploadAsync(w)}")), expected, writes);

        var chunkType = "application/offset+octet-stream";
        yield return Patch("no Upload-Offset", r => r.Bytes(DeclaredBytes[..8], chunkType), Outcome.Invalid);
        yield return Patch("negative Upload-Offset", r => r.Bytes(DeclaredBytes[..8], chunkType).Header("Upload-Offset", "-1"), Outcome.Invalid);
        yield return Patch("Upload-Offset beyond a long", r => r.Bytes(DeclaredBytes[..8], chunkType).Header("Upload-Offset", "99999999999999999999"), Outcome.Invalid);
        yield return Patch("Upload-Offset ahead of what is held", r => r.Bytes(DeclaredBytes[8..16], chunkType).Header("Upload-Offset", "8"), new Outcome(409, "Upload offset mismatch"));
        yield return Patch("past the declared size", r => r.Bytes(RandomNumberGenerator.GetBytes(DeclaredBytes.Length + 1), chunkType).Header("Upload-Offset", "0"), Outcome.Invalid);
        yield return Patch("larger than a chunk", r => r.Header("Upload-Offset", "0") with { DeclaredLength = AdversarialGrid.ChunkBytes + 1, Body = [] }, new Outcome(413, "Request body too large"));
        yield return Patch("no Content-Length", r => r.Bytes(DeclaredBytes[..8], chunkType).Header("Upload-Offset", "0") with { Chunked = true }, new Outcome(411, "Bad request"));
        yield return Patch("wrong last bytes (session discarded)", r => r.Bytes(RandomNumberGenerator.GetBytes(DeclaredBytes.Length), chunkType).Header("Upload-Offset", "0"), mismatch, WriteScope.Under("uploads/"));
        yield return Patch("cut short (the prefix is kept)", r => r.Bytes(DeclaredBytes[..8], chunkType).Header("Upload-Offset", "0").CutShort(12), Outcome.NoAnswer, WriteScope.Under("uploads/"));

        yield return new HostileCase("start upload: digest other than declared", Identities.AlicePublish,
            async w => new WireRequest("POST", $"{await FreshDraftAsync(w)}/uploads").Json(Json(new StartUploadRequest(DeclaredPath, DeclaredBytes.Length, other))), differently);
        yield return new HostileCase("artifact: right length, wrong bytes", Identities.Admin,
            _ => new WireRequest("PUT", $"/api/v1/artifacts/{RouteCases.Artifact}").Bytes(RandomNumberGenerator.GetBytes(ArtifactSize)), mismatch);
        yield return new HostileCase("artifact: wrong length", Identities.Admin,
            _ => new WireRequest("PUT", $"/api/v1/artifacts/{RouteCases.Artifact}").Bytes(RandomNumberGenerator.GetBytes(10)), Outcome.Invalid);
        yield return new HostileCase("artifact: not declared", Identities.Admin,
            _ => new WireRequest("PUT", "/api/v1/artifacts/..%2F..%2Fadmin-token").Bytes(RandomNumberGenerator.GetBytes(10)), new Outcome(404, "Artifact not found"));
    }

    private const string DeclaredPath = "declared.bin";

    private static readonly byte[] DeclaredBytes = RandomNumberGenerator.GetBytes(16);

    private static string DeclaredSha => Convert.ToHexStringLower(SHA256.HashData(DeclaredBytes));

    private static int ArtifactSize => 4542;

    /// <summary>A new draft of the scratch model that declares <see cref="DeclaredPath"/>; returns its path.</summary>
    private static async Task<string> FreshDraftAsync(CorpusWorld world)
    {
        var draft = await world.Client(Identities.AlicePublish).CreateDraftAsync(
            CorpusWorld.Scratch, new CreateDraftRequest([new ManifestFile(DeclaredPath, DeclaredBytes.Length, DeclaredSha)]), TestContext.Current.CancellationToken);
        return $"{ScratchPath}/versions/{draft.Number.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>A new resumable upload of <see cref="DeclaredPath"/> into a new draft; returns its id.</summary>
    private static async Task<string> FreshUploadAsync(CorpusWorld world)
    {
        var alice = world.Client(Identities.AlicePublish);
        var draft = await alice.CreateDraftAsync(
            CorpusWorld.Scratch, new CreateDraftRequest([new ManifestFile(DeclaredPath, DeclaredBytes.Length, DeclaredSha)]), TestContext.Current.CancellationToken);
        return (await alice.StartUploadAsync(CorpusWorld.Scratch, draft.Number, new StartUploadRequest(DeclaredPath, DeclaredBytes.Length, DeclaredSha), TestContext.Current.CancellationToken)).Id;
    }
}
