using ModelGrid.Evaluation.Comparison;
using ModelGrid.Hub;

namespace ModelGrid.Silo.Web.Compare;

/// <summary>What the compare page shows: the model, what can be picked, what was picked, and the comparison or why there is none.</summary>
public sealed class ComparePageModel
{
    /// <summary>The owner as asked for.</summary>
    public required string Owner { get; init; }

    /// <summary>The name as asked for.</summary>
    public required string Name { get; init; }

    /// <summary>The model, once it was found readable.</summary>
    public ModelId? Id { get; set; }

    /// <summary>The published versions to pick from.</summary>
    public IReadOnlyList<VersionSummary> Versions { get; set; } = [];

    /// <summary>The suites whose results can be compared.</summary>
    public IReadOnlyList<string> Suites { get; set; } = [];

    /// <summary>The versions picked, in the order asked for.</summary>
    public IReadOnlyList<int> Chosen { get; set; } = [];

    /// <summary>The suite picked.</summary>
    public string? Suite { get; set; }

    /// <summary>The fairness view the charts draw (default: the first).</summary>
    public string? View { get; set; }

    /// <summary>The per-group rate the charts draw (default: the view's first).</summary>
    public string? Rate { get; set; }

    /// <summary>The comparison, when one was asked for and could be made.</summary>
    public ComparisonReport? Report { get; set; }

    /// <summary>Why the page cannot show what was asked for.</summary>
    public PageProblem? Problem { get; set; }
}
