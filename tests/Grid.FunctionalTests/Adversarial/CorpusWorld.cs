using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.Evaluations;
using ModelGrid.Hub;

namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>
/// What the cases aim at, arranged once: the tokens behind <see cref="Identities"/> (a revoked one, an expired one —
/// the corpus clock moved past its expiry), alice's public model and her private one (each with a published
/// version v1, a draft v2 with an open upload, a withdrawn v3, a card, the alias <c>stable</c> and a finished job),
/// alice's scratch model, where successful mutations land, and her model for hostile ONNX files, whose v1 the suite
/// runs. <see cref="Absent"/> is never created: a private model must look exactly like it to outsiders.
/// </summary>
public sealed class CorpusWorld
{
    public const string Suite = "compas-recidivism";
    public const string ModelFile = "model.bin";
    public const string Card = "---\nlicense: MIT\n---\n# A corpus model\n";

    public static readonly ModelId Public = new("alice", "public");
    public static readonly ModelId Secret = new("alice", "secret");
    public static readonly ModelId Absent = new("alice", "absent");
    public static readonly ModelId Scratch = new("alice", "scratch");

    /// <summary>Where the ONNX cases publish their models; version 1 is the COMPAS sample, a model the suite fits.</summary>
    public static readonly ModelId Onnx = new("alice", "onnx");

    private readonly Dictionary<string, string?> _authorization;

    private CorpusWorld(AdversarialGrid grid, Dictionary<string, string?> authorization, Dictionary<ModelId, Target> targets)
    {
        Grid = grid;
        _authorization = authorization;
        Targets = targets;
    }

    public AdversarialGrid Grid { get; }

    public IReadOnlyDictionary<ModelId, Target> Targets { get; }

    public string AlicePublishToken => Token(Identities.AlicePublish);

    /// <summary>The Authorization header an identity sends, or null for none.</summary>
    public string? AuthorizationOf(Identity identity) => _authorization[identity.Name];

    public string Token(Identity identity) => AuthorizationOf(identity)!["Bearer ".Length..];

    public GridClient Client(Identity identity) => identity == Identities.Anonymous ? Grid.Client() : Grid.Client(Token(identity));

    public static async Task<CorpusWorld> ArrangeAsync(AdversarialGrid grid)
    {
        var admin = grid.Admin;
        var ct = TestContext.Current.CancellationToken;
        async Task<string> IssueAsync(string owner, string[] scopes, DateTimeOffset? expiresAt = null) =>
            (await admin.CreateTokenAsync(new CreateTokenRequest(owner, scopes, "adversarial corpus", expiresAt), ct)).Token;

        var alicePublish = await IssueAsync("alice", ["read", "publish"]);
        var revoked = await admin.CreateTokenAsync(new CreateTokenRequest("alice", ["read", "publish"], "revoked by the corpus"), ct);
        await admin.RevokeTokenAsync(revoked.Info.Id, ct);
        var expired = await IssueAsync("alice", ["read", "publish"], grid.Clock.GetUtcNow().AddMinutes(1));
        grid.Clock.Advance(TimeSpan.FromMinutes(2));

        var authorization = new Dictionary<string, string?>
        {
            [Identities.Anonymous.Name] = null,
            [Identities.Garbage.Name] = "Bearer this-is-not-a-token",
            [Identities.Forged.Name] = $"Bearer mgt_0123456789abcdef_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}",
            [Identities.Revoked.Name] = "Bearer " + revoked.Token,
            [Identities.Expired.Name] = "Bearer " + expired,
            [Identities.AliceRead.Name] = "Bearer " + await IssueAsync("alice", ["read"]),
            [Identities.AlicePublish.Name] = "Bearer " + alicePublish,
            [Identities.BobPublish.Name] = "Bearer " + await IssueAsync("bob", ["read", "publish"]),
            [Identities.CarolEvaluate.Name] = "Bearer " + await IssueAsync("carol", ["evaluate"]),
            [Identities.Admin.Name] = "Bearer " + AdversarialGrid.AdminToken,
        };

        var alice = grid.Client(alicePublish);
        var targets = new Dictionary<ModelId, Target>
        {
            [Public] = await ArrangeModelAsync(grid, alice, Public, ModelVisibility.Public),
            [Secret] = await ArrangeModelAsync(grid, alice, Secret, ModelVisibility.Private),
        };

        await alice.CreateModelAsync(new CreateModelRequest(Scratch.Owner, Scratch.Name, "where the corpus's mutations land"), ct);
        await PublishAsync(alice, Scratch, [RandomFile(ModelFile, 64)], Card);
        await alice.SetAliasAsync(Scratch, "stable", 1, ct);

        await alice.CreateModelAsync(new CreateModelRequest(Onnx.Owner, Onnx.Name, "hostile ONNX files", "tabular-classification"), ct);
        var sample = File.ReadAllBytes(Path.Combine(ModelGrid.Testing.TestPaths.RepositoryRoot, "eval-suites", "models", "compas-recidivism", "v4", "model.onnx"));
        await PublishAsync(alice, Onnx, [FileOf("model.onnx", sample), RandomFile("notes.txt", 16)]);
        return new CorpusWorld(grid, authorization, targets);
    }

    /// <summary>A file of random bytes (so no two cases share content by accident), with its manifest entry.</summary>
    public static (ManifestFile File, byte[] Bytes) RandomFile(string path, int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        return (new ManifestFile(path, size, Convert.ToHexStringLower(SHA256.HashData(bytes))), bytes);
    }

    public static (ManifestFile File, byte[] Bytes) FileOf(string path, byte[] bytes) =>
        (new ManifestFile(path, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))), bytes);

    /// <summary>Opens a draft of <paramref name="files"/>, uploads them and publishes it.</summary>
    public static async Task<VersionDetails> PublishAsync(GridClient client, ModelId model, IReadOnlyList<(ManifestFile File, byte[] Bytes)> files, string? card = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var draft = await client.CreateDraftAsync(model, new CreateDraftRequest([.. files.Select(f => f.File)], card), ct);
        foreach (var (file, bytes) in files.Where(f => !draft.Files.Single(d => d.Path == f.File.Path).Present))
        {
            await client.UploadFileAsync(model, draft.Number, file.Path, new MemoryStream(bytes), bytes.Length, file.Sha256, cancellationToken: ct);
        }

        return await client.PublishAsync(model, draft.Number, ct);
    }

    /// <summary>
    /// Waits until a job is finished and, when it succeeded, until its result is on the version's card: the worker
    /// records it there just after it marks the job done, and a case's after-listing must not catch that write.
    /// </summary>
    public Task<JobSnapshot> WaitForJobAsync(Guid id) => WaitForJobAsync(Grid.Admin, id);

    private static async Task<JobSnapshot> WaitForJobAsync(GridClient admin, Guid id)
    {
        var ct = TestContext.Current.CancellationToken;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        var job = (await admin.GetEvaluationAsync(id, withResult: false, ct)).Job;
        while (!job.IsFinal)
        {
            Assert.True(DateTime.UtcNow < deadline, $"job {id:D} is still {job.Status} after 2 minutes");
            await Task.Delay(50, ct);
            job = (await admin.GetEvaluationAsync(id, withResult: false, ct)).Job;
        }

        var version = job.Spec.Version.ToString(CultureInfo.InvariantCulture);
        while (job.Status == JobStatus.Succeeded && !(await admin.GetCardAsync(job.Spec.Model, version, cancellationToken: ct)).Contains($"job {id:D}", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"job {id:D} succeeded but its result is not on the card of {job.Spec.Model}@{version} after 2 minutes");
            await Task.Delay(50, ct);
        }

        return job;
    }

    /// <summary>The openness record (a Model Openness Tool file) of each arranged model's v1 and of the openness writes.</summary>
    public const string Openness = "framework: {name: Model Openness Framework}\nrelease:\n  name: corpus\n  license: {distribution: {name: MIT, path: LICENSE}}\n  components:\n    - name: Model parameters (Final)\n";

    private static async Task<Target> ArrangeModelAsync(AdversarialGrid grid, GridClient alice, ModelId id, ModelVisibility visibility)
    {
        var ct = TestContext.Current.CancellationToken;
        await alice.CreateModelAsync(new CreateModelRequest(id.Owner, id.Name, $"alice's {visibility.ToString().ToLowerInvariant()} corpus model", "tabular-classification", "MIT", ["corpus"], visibility), ct);
        var file = RandomFile(ModelFile, 100);

        // Not an ONNX model: a job on it fails at once, so the arranged jobs cost the worker nothing.
        var onnx = FileOf("model.onnx", Encoding.UTF8.GetBytes($"not an ONNX model ({id})\n"));
        var v1 = await PublishAsync(alice, id, [file, onnx, RandomFile("docs/notes.txt", 10)], Card);
        var draft = await alice.CreateDraftAsync(id, new CreateDraftRequest([RandomFile("pending.bin", 32).File]), ct);
        var upload = await alice.StartUploadAsync(id, draft.Number, new StartUploadRequest("pending.bin", 32, draft.Files[0].Sha256), ct);
        var v3 = await PublishAsync(alice, id, [RandomFile(ModelFile, 50)]);
        await alice.WithdrawAsync(id, v3.Number, "withdrawn by the corpus", ct);
        await alice.SetAliasAsync(id, "stable", v1.Number, ct);
        await alice.SetOpennessAsync(id, "1", Openness, ct);
        var job = await alice.SubmitEvaluationAsync(new SubmitEvaluationRequest(id.ToString(), Suite, "1"), ct);
        var finished = await WaitForJobAsync(grid.Admin, job.Job.Id);
        Assert.Equal(JobStatus.Failed, finished.Status);
        return new Target(id, file.Bytes, file.File.Sha256, v1.RevisionId!, draft.Number, upload.Id, v3.Number, job.Job.Id);
    }

    /// <summary>A model arranged for the cases: v1's <see cref="ModelFile"/> and its digest, the draft, its upload, the withdrawn version and the job.</summary>
    public sealed record Target(ModelId Id, byte[] FileBytes, string FileSha256, string RevisionId, int Draft, string UploadId, int Withdrawn, Guid Job)
    {
        public string Path => $"/api/v1/models/{Id}";
    }
}
