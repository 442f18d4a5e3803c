using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.Evaluations;
using ModelGrid.FunctionalTests.Api;
using ModelGrid.FunctionalTests.Processes;
using ModelGrid.Hub;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Operations;

/// <summary>
/// A real silo process (no demo, JSON console log at Information, the Orleans Dashboard on) in which a private model's version is uploaded,
/// downloaded once and evaluated twice (the second run forced): what its metrics and logs must then show.
/// </summary>
public sealed class JobRunSiloFixture : IAsyncLifetime
{
    public const string AdminToken = "operations-admin-token-0123456789";
    public const string Suite = "compas-recidivism";
    public static readonly ModelId Model = new("vault", "secret-weights");

    private SiloProcess? _silo;

    public SiloProcess Silo => _silo ?? throw new InvalidOperationException("the silo is not started");

    public string DataPath { get; } = TestPaths.NewTempFolder("operations-silo");

    /// <summary>The uploaded file's size in bytes.</summary>
    public long FileBytes { get; private set; }

    /// <summary>The two jobs, in the order they ran.</summary>
    public IReadOnlyList<Guid> Jobs { get; private set; } = [];

    /// <summary>A token of the model's owner, with the read and publish scopes (no admin).</summary>
    public string OwnerToken { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        _silo = await SiloProcess.StartAsync(DataPath, new Dictionary<string, string?>
        {
            ["Grid__Demo__Enabled"] = "false",
            ["Grid__Auth__AdminToken"] = AdminToken,
            ["Logging__Console__FormatterName"] = "json",
            ["Grid__Operations__Dashboard"] = "true",
        });
        var ct = TestContext.Current.CancellationToken;
        var admin = GridClient.Create(_silo.Url, AdminToken);
        OwnerToken = (await admin.CreateTokenAsync(new CreateTokenRequest(Model.Owner, ["read", "publish"]), ct)).Token;
        var owner = GridClient.Create(_silo.Url, OwnerToken);
        await owner.CreateModelAsync(new CreateModelRequest(Model.Owner, Model.Name, Visibility: ModelVisibility.Private), ct);
        var (file, bytes) = EvaluationCalls.SampleFile(Suite, 4);
        FileBytes = bytes.Length;
        var draft = await owner.CreateDraftAsync(Model, new CreateDraftRequest([file], "---\nlicense: MIT\n---\n# kept\n"), ct);
        await owner.UploadFileAsync(Model, draft.Number, file.Path, new MemoryStream(bytes), bytes.Length, file.Sha256, cancellationToken: ct);
        await owner.PublishAsync(Model, draft.Number, ct);
        using (var download = await owner.DownloadAsync(Model, "1", file.Path, cancellationToken: ct))
        {
            await download.Content.CopyToAsync(Stream.Null, ct);
        }

        var jobs = new List<Guid>();
        foreach (var force in new[] { false, true })
        {
            var job = (await owner.SubmitEvaluationAsync(new SubmitEvaluationRequest(Model.ToString(), Suite, "1", force), ct)).Job.Id;
            await WaitSucceededAsync(owner, job, ct);

            // The worker's last word on the job, written once the job grain has taken the result.
            await _silo.WaitForOutputAsync($"Job {job:D} attempt 1 succeeded", TimeSpan.FromSeconds(30));
            jobs.Add(job);
        }

        Jobs = jobs;
    }

    public async ValueTask DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }

    /// <summary>The files the worker's weight cache holds: named by their SHA-256.</summary>
    public IReadOnlyList<FileInfo> CachedFiles() =>
        [.. new DirectoryInfo(Path.Combine(DataPath, "cache", "weights")).GetFiles().Where(f => f.Name.Length == 64)];

    private static async Task WaitSucceededAsync(GridClient client, Guid job, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var status = (await client.GetEvaluationAsync(job, withResult: false, ct)).Job.Status;
            if (status == JobStatus.Succeeded)
            {
                return;
            }

            if (status is JobStatus.Failed or JobStatus.Cancelled || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"job {job} ended {status}");
            }

            await Task.Delay(200, ct);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class JobRunSiloGroup : ICollectionFixture<JobRunSiloFixture>
{
    public const string Name = "job run silo";
}
