using Microsoft.Extensions.Options;
using ModelGrid.Evaluation.Suites;
using ModelGrid.Hub;

namespace ModelGrid.Silo.Evaluation;

/// <summary>The suites this silo offers, loaded and checked once from <see cref="EvaluationOptions.ResolvedSuitesPath"/>.</summary>
public sealed class SuiteCatalog(IOptions<EvaluationOptions> options, HubArtifactFiles artifacts)
{
    private readonly Lazy<IReadOnlyList<Suite>> _suites = new(() =>
    {
        var folder = options.Value.ResolvedSuitesPath;
        return Directory.Exists(folder) ? Suite.LoadAll(folder, artifacts) : [];
    });

    /// <summary>Every suite, by id.</summary>
    public IReadOnlyList<Suite> All => _suites.Value;

    /// <summary>The suite with that id; not found otherwise.</summary>
    public Suite Get(string id) =>
        All.FirstOrDefault(s => string.Equals(s.Spec.Id, id, StringComparison.Ordinal))
        ?? throw HubException.NotFound("Suite not found", $"there is no suite '{id}'; see GET /api/v1/suites ({string.Join(", ", All.Select(s => s.Spec.Id))})");
}
