using Microsoft.Extensions.Options;
using ModelGrid.Hub;
using ModelGrid.Openness;
using ModelGrid.Silo.Evaluation;
using ModelGrid.Silo.Openness;
using ModelGrid.Storage.Artifacts;
using ModelGrid.Storage.Content;

namespace ModelGrid.Silo.Demo;

/// <summary>
/// The demo's openness records: each sample model's <c>openness.yaml</c> on every version, and a few of the Model
/// Openness Tool's own entries (declared artifacts) as metadata-only models under <c>mot/</c>, so the hub shows the
/// whole range of classes. A record that is already the latest revision is left alone, so a restart adds nothing.
/// </summary>
public sealed partial class OpennessDemo(
    IGrainFactory grains,
    ArtifactResolver artifacts,
    ContentAddressedStore store,
    OpennessService openness,
    DemoVersions demo,
    IOptions<EvaluationOptions> evaluationOptions,
    ILogger<OpennessDemo> logger)
{
    /// <summary>The owner of the imported Model Openness Tool entries.</summary>
    public const string MotOwner = "mot";

    /// <summary>The Model Openness Tool entries the demo imports (Class III, II, I and unclassified).</summary>
    public static IReadOnlyList<string> MotEntries { get; } = ["Granite-4-1.yml", "Polyglot-Ko.yml", "Pythia-70M.yml", "Llama-3.1-8B.yml"];

    /// <summary>Sets the records; an artifact or licence list that cannot be had skips what needs it, with a log line.</summary>
    public async Task RunAsync(IReadOnlyDictionary<string, List<VersionDetails>> samples, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var (sample, versions) in samples)
            {
                var path = Path.Combine(evaluationOptions.Value.ResolvedSuitesPath, "models", sample, "openness.yaml");
                var record = MotYaml.Read(await File.ReadAllTextAsync(path, cancellationToken));
                foreach (var version in versions)
                {
                    await SetAsync(version.Model, version, record, cancellationToken);
                }
            }

            foreach (var entry in MotEntries)
            {
                await ImportAsync(entry, cancellationToken);
            }
        }
        catch (ArtifactUnavailableException e)
        {
            LogSkipped(logger, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The records are a showcase: the evaluation demo goes on without them.
            LogFailed(logger, e);
        }
    }

    private async Task ImportAsync(string entry, CancellationToken cancellationToken)
    {
        var resolved = await artifacts.ResolveAsync(entry, cancellationToken);
        string text;
        await using (var reader = await store.OpenReadAsync(resolved.Artifact.Sha256, cancellationToken: cancellationToken)
            ?? throw new ArtifactUnavailableException($"artifact '{entry}' was resolved but is not in the store"))
        {
            using var utf8 = new StreamReader(reader.Content, System.Text.Encoding.UTF8);
            text = await utf8.ReadToEndAsync(cancellationToken);
        }

        var record = MotYaml.Read(text);
        var id = new ModelId(MotOwner, Slug(record.Name));
        var model = grains.GetGrain<IModelGrain>(id.ToString());
        if (await model.Get() is null)
        {
            await model.Create(
                new ModelCreate($"The Model Openness Tool's entry for {record.Name} by {record.Producer}: metadata only, the weights are not in this hub.", null, null, ["mot", "metadata-only"], ModelVisibility.Public),
                DemoVersions.Actor);
        }

        var file = new ManifestFile(entry, resolved.Artifact.Size, resolved.Artifact.Sha256);
        var revision = VersionManifest.Create([file]).RevisionId;
        var standing = (await model.ListVersions()).FirstOrDefault(v => v.Status == VersionStatus.Published && v.RevisionId == revision);
        var version = standing is not null
            ? (await grains.GetGrain<IModelVersionGrain>(id.VersionKey(standing.Number)).Get())!
            : await demo.PublishAsync(id, new DraftRequest([file], Card(record, entry)));
        await SetAsync(id, version, record, cancellationToken);
    }

    private async Task SetAsync(ModelId id, VersionDetails version, OpennessRecord record, CancellationToken cancellationToken)
    {
        if (await openness.LatestAsync(id, version.Number, cancellationToken) is { } latest && latest.Revision.Sha256 == OpennessService.RevisionIdOf(record))
        {
            return;
        }

        var view = await openness.SetAsync(id, version, record, DemoVersions.Actor, cancellationToken);
        LogSet(logger, id, version.Number, view.Label);
    }

    private static string Card(OpennessRecord record, string entry)
    {
        var link = (record.HuggingFace ?? record.Repository) is { } url ? $"\nThe model: {url}\n" : string.Empty;
        return $"""
        ---
        tags:
          - mot
          - metadata-only
        ---
        # {record.Name}

        A metadata-only model: this version holds the Model Openness Tool's description of {record.Name}
        ({record.Producer}), `{entry}` from lfai/model_openness_tool @ 8b5d30e90a7c62d7d6ece48b91e69ff495920a4d
        (MIT, Copyright 2024 The Model Openness Tool Authors), and no weights. Its openness record is that file;
        what the record claims is not in this version, so the hub shows each component as claimed.
        {link}
        """;
    }

    /// <summary>A model name from MOT's: lowercase, runs of other characters as one hyphen.</summary>
    private static string Slug(string name) =>
        System.Text.RegularExpressions.Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9.]+", "-").Trim('-', '.');

    [LoggerMessage(EventId = 3120, Level = LogLevel.Information, Message = "Demo openness record of {Model}@{Version} set: {Label}")]
    private static partial void LogSet(ILogger logger, ModelId model, int version, string label);

    [LoggerMessage(EventId = 3122, Level = LogLevel.Warning, Message = "Demo openness records failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3121, Level = LogLevel.Information, Message = "Demo openness records skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string reason);
}
