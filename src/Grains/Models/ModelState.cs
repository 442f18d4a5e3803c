using System.Text.Json.Serialization;
using ModelGrid.Hub;
using ModelGrid.Openness;

namespace ModelGrid.Grains.Models;

/// <summary>The persisted state of a <see cref="ModelGrain"/>.</summary>
[GenerateSerializer, Alias("grid.ModelState")]
public sealed class ModelState
{
    [Id(0)] public string? Description { get; set; }

    [Id(1)] public string? Task { get; set; }

    [Id(2)] public string? License { get; set; }

    [Id(3)] public List<string> Tags { get; set; } = [];

    [Id(4)] public ModelVisibility Visibility { get; set; }

    [Id(5)] public DateTimeOffset CreatedAt { get; set; }

    [Id(6)] public string CreatedBy { get; set; } = string.Empty;

    [Id(7)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The number the next draft gets; numbers are never reused.</summary>
    [Id(8)] public int NextVersion { get; set; } = 1;

    [Id(9)] public List<VersionSummary> Versions { get; set; } = [];

    [Id(10)] public Dictionary<string, AliasTarget> Aliases { get; set; } = new(StringComparer.Ordinal);

    [Id(11)] public List<AliasChange> AliasHistory { get; set; } = [];

    /// <summary>The shape of the catalogue entry last written for the model (see <see cref="ModelGrain"/>).</summary>
    [Id(12)] public int CatalogEntryVersion { get; set; }

    /// <summary>The class of each version's openness record, by version number; null (and not written) until the first.</summary>
    [Id(13), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<int, MofClass>? OpennessClasses { get; set; }

    /// <summary>The newest published version that was not withdrawn (what <c>latest</c> names), or null.</summary>
    public int? LatestStanding() => Versions.Where(v => v.Status == VersionStatus.Published).Select(v => (int?)v.Number).Max();
}
