using System.Security.Cryptography;
using System.Text;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluations;
using ModelGrid.Hub;
using ModelGrid.Storage;
using ModelGrid.Storage.Blobs;

namespace ModelGrid.Grains.Tests.Evaluations;

/// <summary>Published versions and stored results in a <see cref="JobCluster"/>, for the tests of what follows a job's result.</summary>
internal static class JobFollowUpSetup
{
    /// <summary>A new model with <paramref name="count"/> published versions of the same files (so one revision id).</summary>
    public static async Task<(ModelId Id, IReadOnlyList<VersionDetails> Versions)> PublishSameFilesAsync(JobCluster cluster, int count = 1)
    {
        var id = new ModelId("alice", $"m-{Guid.NewGuid():N}"[..20]);
        var model = cluster.Grains.GetGrain<IModelGrain>(id.ToString());
        await model.Create(new ModelCreate("a test model", "image-classification", "MIT", ["test"], ModelVisibility.Public), "tester");
        var bytes = Encoding.UTF8.GetBytes($"weights {Guid.NewGuid()}");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await cluster.Content.IngestAsync(new MemoryStream(bytes), bytes.Length, sha, TestContext.Current.CancellationToken);
        var file = new ManifestFile("model.onnx", bytes.Length, sha);
        var versions = new List<VersionDetails>();
        for (var i = 0; i < count; i++)
        {
            var draft = await model.CreateDraft(new DraftRequest([file], null), "tester");
            await cluster.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(draft.Number)).MarkPresent(file);
            versions.Add(await model.Publish(draft.Number, "tester"));
        }

        return (id, versions);
    }

    /// <summary>The spec of a job on <paramref name="version"/>.</summary>
    public static JobSpec SpecFor(VersionDetails version) => JobCluster.NewSpec(revision: version.RevisionId) with
    {
        Model = version.Model,
        Version = version.Number,
    };

    /// <summary>Stores the result a worker would write for attempt 1 of <paramref name="jobId"/>.</summary>
    public static async Task<string> StoreResultAsync(JobCluster cluster, Guid jobId)
    {
        var blob = HubLayout.Result(jobId, 1);
        await cluster.Blobs.PutAsync(blob, EvaluationJson.Serialize(Contracts.Tests.Cards.SampleReports.Bias(0.81)), WriteCondition.None, TestContext.Current.CancellationToken);
        return blob;
    }

    /// <summary>The card revisions an evaluation wrote on a version.</summary>
    public static async Task<int> EvaluationCardsAsync(JobCluster cluster, VersionDetails version) =>
        (await cluster.Grains.GetGrain<IModelVersionGrain>(version.Model.VersionKey(version.Number)).ListCards()).Count(c => c.Source == "evaluation");
}
