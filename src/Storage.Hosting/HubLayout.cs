using System.Globalization;

namespace ModelGrid.Storage;

/// <summary>The blob layout of DESIGN.md §4, in one place.</summary>
public static class HubLayout
{
    /// <summary>The prefix of upload staging, never served and swept when stale.</summary>
    public const string UploadsPrefix = "uploads/";

    /// <summary>The immutable manifest of a published version.</summary>
    /// <param name="model">The model.</param>
    /// <param name="version">The version number.</param>
    public static string Manifest(ModelId model, int version) =>
        $"manifests/{model.Owner}/{model.Name}/{version.ToString(CultureInfo.InvariantCulture)}.json";

    /// <summary>Revision <paramref name="revision"/> of a version's model card.</summary>
    /// <param name="model">The model.</param>
    /// <param name="version">The version number.</param>
    /// <param name="revision">The card revision (1 = the publisher's).</param>
    public static string Card(ModelId model, int version, int revision) =>
        $"cards/{model.Owner}/{model.Name}/{version.ToString(CultureInfo.InvariantCulture)}/r{revision.ToString(CultureInfo.InvariantCulture)}.md";

    /// <summary>A revision of a version's openness record (JSON).</summary>
    /// <param name="model">The model.</param>
    /// <param name="version">The version number.</param>
    /// <param name="revision">The record's revision.</param>
    public static string Openness(ModelId model, int version, int revision) =>
        $"openness/{model.Owner}/{model.Name}/{version.ToString(CultureInfo.InvariantCulture)}/r{revision.ToString(CultureInfo.InvariantCulture)}.json";

    /// <summary>The stored report of one attempt of an evaluation job.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="attempt">The attempt.</param>
    public static string Result(Guid jobId, int attempt) =>
        $"results/{jobId:D}/{attempt.ToString(CultureInfo.InvariantCulture)}.json";

    /// <summary>The per-row predictions beside <see cref="Result"/>.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="attempt">The attempt.</param>
    public static string Predictions(Guid jobId, int attempt) =>
        $"results/{jobId:D}/{attempt.ToString(CultureInfo.InvariantCulture)}.predictions";

    /// <summary>The session record of a resumable upload.</summary>
    /// <param name="uploadId">The upload's id.</param>
    public static string UploadSession(string uploadId) => $"{UploadsPrefix}{uploadId}/session.json";

    /// <summary>The append-only staging blob of a resumable upload.</summary>
    /// <param name="uploadId">The upload's id.</param>
    public static string UploadData(string uploadId) => $"{UploadsPrefix}{uploadId}/data";
}
