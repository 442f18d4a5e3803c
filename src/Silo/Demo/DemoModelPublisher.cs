using ModelGrid.Auth;
using ModelGrid.Hub;
using ModelGrid.Silo.Infrastructure;
using ModelGrid.Storage.Artifacts;

namespace ModelGrid.Silo.Demo;

/// <summary>
/// Publishes a <see cref="DemoModel"/>: its artifacts resolved into the store (verified), as one version with its card.
/// It is idempotent: when the newest standing version already holds these files nothing is created.
/// </summary>
public sealed class DemoModelPublisher(IGrainFactory grains, ArtifactResolver artifacts, DemoVersions demo, RunConsole console)
{
    /// <summary>Publishes the model's version unless the newest standing version already holds the same files.</summary>
    /// <exception cref="ArtifactUnavailableException">One of its artifacts cannot be had; nothing is published.</exception>
    public async Task<VersionDetails> PublishAsync(DemoModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var resolved = new List<ResolvedArtifact>();
        foreach (var name in model.Artifacts)
        {
            resolved.Add(await artifacts.ResolveAsync(name, cancellationToken));
        }

        var files = resolved.Select(r => new ManifestFile(r.Artifact.Name, r.Artifact.Size, r.Artifact.Sha256)).ToList();
        var revision = VersionManifest.Create(files).RevisionId;

        await grains.GetGrain<IOwnerGrain>(model.Id.Owner).Ensure(DemoVersions.Actor);
        var grain = grains.GetGrain<IModelGrain>(model.Id.ToString());
        if (await grain.Get() is null)
        {
            await grain.Create(model.Create, DemoVersions.Actor);
        }

        var latest = (await grain.ListVersions()).FirstOrDefault(v => v.Status == VersionStatus.Published);
        if (latest?.RevisionId == revision)
        {
            await demo.AbandonDraftsAsync(model.Id);
            console.DemoUpToDate(model.Id, latest.Number);
            return (await grains.GetGrain<IModelVersionGrain>(model.Id.VersionKey(latest.Number)).Get())!;
        }

        var published = await demo.PublishAsync(model.Id, new DraftRequest(files, await ReadCardAsync(model.CardResource)));
        await demo.AbandonDraftsAsync(model.Id);
        console.DemoPublished(model.Id, published.Number, From(resolved));
        return published;
    }

    /// <summary>"mnist.onnx from the mirror file /m/mnist.onnx"; several files from one mirror folder name the folder once.</summary>
    private static string From(List<ResolvedArtifact> resolved) => string.Join("; ", resolved
        .GroupBy(r => Origin(r, resolved.Count > 1), StringComparer.Ordinal)
        .Select(g => $"{string.Join(", ", g.Select(r => r.Artifact.Name))} from {g.Key}"));

    private static string Origin(ResolvedArtifact resolved, bool several) => resolved.Provenance switch
    {
        ArtifactProvenance.Mirror when several => $"the mirror folder {Path.GetDirectoryName(resolved.From)}",
        ArtifactProvenance.Mirror => $"the mirror file {resolved.From}",
        ArtifactProvenance.Download => resolved.From ?? "its pinned source",
        ArtifactProvenance.Import => "an import",
        _ => "the store",
    };

    private static async Task<string> ReadCardAsync(string resource)
    {
        await using var stream = typeof(DemoModelPublisher).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the demo model card {resource} is not embedded");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
