using System.Text.Json.Serialization;
using ModelGrid.Hub;
using ModelGrid.Openness;

namespace ModelGrid.Grains.Versions;

/// <summary>The persisted state of a <see cref="ModelVersionGrain"/>.</summary>
[GenerateSerializer, Alias("grid.VersionState")]
public sealed class VersionState
{
    [Id(0)] public VersionStatus Status { get; set; }

    [Id(1)] public List<DeclaredFile> Files { get; set; } = [];

    [Id(2)] public string? DraftCard { get; set; }

    [Id(3)] public string? RevisionId { get; set; }

    [Id(4)] public DateTimeOffset CreatedAt { get; set; }

    [Id(5)] public string CreatedBy { get; set; } = string.Empty;

    [Id(6)] public DateTimeOffset? PublishedAt { get; set; }

    [Id(7)] public string? PublishedBy { get; set; }

    [Id(8)] public DateTimeOffset? WithdrawnAt { get; set; }

    [Id(9)] public string? WithdrawnBy { get; set; }

    [Id(10)] public string? WithdrawnReason { get; set; }

    [Id(11)] public List<CardRevisionInfo> Cards { get; set; } = [];

    /// <summary>The evaluation results recorded, in recording order.</summary>
    [Id(12)] public List<EvaluationRecord> Evaluations { get; set; } = [];

    // Written only once a record is set, so a version without one keeps the bytes earlier builds wrote.

    /// <summary>The openness record's revisions, oldest first; null until the first.</summary>
    [Id(13), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<OpennessRevision>? Openness { get; set; }

    /// <summary>The openness section every card revision the grid writes ends with, once a record is set.</summary>
    [Id(14), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? OpennessSection { get; set; }
}
