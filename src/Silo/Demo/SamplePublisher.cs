using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ModelGrid.Hub;
using ModelGrid.Silo.Evaluation;
using ModelGrid.Storage.Content;

namespace ModelGrid.Silo.Demo;

/// <summary>
/// Publishes one of the project's sample models (<c>eval-suites/models/{sample}/v1..vN</c>) as versions 1..N of a
/// model, reusing the versions that exist and finishing a draft an interrupted start left, so that sample vN is
/// version N however often the silo was killed on the way.
/// </summary>
public sealed partial class SamplePublisher(
    IGrainFactory grains,
    ContentAddressedStore store,
    DemoVersions demo,
    IOptions<EvaluationOptions> evaluationOptions,
    ILogger<SamplePublisher> logger)
{

    /// <summary>Publishes the sample's versions 1..<paramref name="count"/> into <paramref name="id"/>, in order.</summary>
    /// <param name="id">The model (created public when it does not exist).</param>
    /// <param name="sample">The sample's folder under <c>eval-suites/models</c>.</param>
    /// <param name="count">How many versions the sample has.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<List<VersionDetails>> PublishAsync(ModelId id, string sample, int count, CancellationToken cancellationToken)
    {
        var model = grains.GetGrain<IModelGrain>(id.ToString());
        if (await model.Get() is null)
        {
            await model.Create(
                new ModelCreate($"ModelGrid's sample {sample} classifiers, versions that treat the sensitive attributes differently (see each card).", "tabular-classification", "Apache-2.0", ["onnx", "fairness", "sample-model"], ModelVisibility.Public),
                DemoVersions.Actor);
        }

        var result = new List<VersionDetails>();
        for (var n = 1; n <= count; n++)
        {
            var folder = Path.Combine(evaluationOptions.Value.ResolvedSuitesPath, "models", sample, $"v{n.ToString(CultureInfo.InvariantCulture)}");
            var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, "model.onnx"), cancellationToken);
            var file = new ManifestFile("model.onnx", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            var revision = VersionManifest.Create([file]).RevisionId;
            var standing = (await model.ListVersions()).Where(v => v.Status == VersionStatus.Published && v.RevisionId == revision).OrderBy(v => v.Number).FirstOrDefault();
            if (standing is not null)
            {
                result.Add((await grains.GetGrain<IModelVersionGrain>(id.VersionKey(standing.Number)).Get())!);
                continue;
            }

            await store.IngestAsync(new MemoryStream(bytes), bytes.Length, file.Sha256, cancellationToken);
            var card = await File.ReadAllTextAsync(Path.Combine(folder, "README.md"), cancellationToken);
            var published = await demo.PublishAsync(id, new DraftRequest([file], card));
            LogSamplePublished(logger, id, published.Number, n);
            result.Add(published);
        }

        await demo.AbandonDraftsAsync(id);
        return result;
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Demo sample model {Model}@{Version} published (eval-suites/models v{Sample})")]
    private static partial void LogSamplePublished(ILogger logger, ModelId model, int version, int sample);
}
