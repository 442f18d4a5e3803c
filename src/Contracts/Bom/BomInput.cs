using ModelGrid.Cards;
using ModelGrid.Hub;

namespace ModelGrid.Bom;

/// <summary>
/// Everything the AI bill of materials of one published version is made from. The builder reads nothing else, so the
/// same input always gives the same bytes.
/// </summary>
/// <param name="Model">The model's id.</param>
/// <param name="Version">The version's number.</param>
/// <param name="RevisionId">The version's revision id (SHA-256 of its canonical manifest).</param>
/// <param name="PublishedAt">When the version was published: the BOM's timestamp.</param>
/// <param name="Files">The manifest's files.</param>
/// <param name="Description">The model's description, or null.</param>
/// <param name="ModelTask">The task the model declares (<c>ModelDetails.Task</c>), used when the card names none.</param>
/// <param name="ModelLicense">The licence the model declares (<c>ModelDetails.License</c>), used when the card names none.</param>
/// <param name="Card">The version's latest card revision, or null when it has none.</param>
/// <param name="CardRevision">The number of that card revision (0 without a card): the BOM's own version.</param>
/// <param name="Results">The recorded evaluation results, in recording order.</param>
/// <param name="Suites">The suites those results ran, with their data cards and datasets.</param>
/// <param name="ComponentLicences">
/// Licences of the version's parts (weights, code, data, documentation …) as an openness record states them; empty
/// when none is recorded.
/// </param>
public sealed record BomInput(
    ModelId Model,
    int Version,
    string RevisionId,
    DateTimeOffset PublishedAt,
    IReadOnlyList<ManifestFile> Files,
    string? Description,
    string? ModelTask,
    string? ModelLicense,
    string? Card,
    int CardRevision,
    IReadOnlyList<RecordedResult> Results,
    IReadOnlyList<BomSuite> Suites,
    IReadOnlyList<BomLicence> ComponentLicences);
