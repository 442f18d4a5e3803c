using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>The parts of <c>suite.yaml</c> every kind has, read by the loader before the kind reads its own.</summary>
/// <param name="Id">The suite's id.</param>
/// <param name="Version">The suite's version.</param>
/// <param name="Kind">The kind.</param>
/// <param name="Description">One line for listings.</param>
/// <param name="DataCard">The data card's file name, or null.</param>
/// <param name="Execution">The execution requirement (the kind's default when the suite declares none).</param>
public sealed record SuiteHeader(string Id, int Version, SuiteKind Kind, string Description, string? DataCard, ExecutionRequirement Execution)
{
    /// <summary>
    /// The spec of a kind with settings of its own, kept in <paramref name="section"/> (a record; serialized into the
    /// suite digest); the classification parts stay at their defaults.
    /// </summary>
    /// <param name="section">The kind's settings.</param>
    public SuiteSpec Spec(object section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return new SuiteSpec(Id, Version, Kind, Description, DataCard, TaskKind.Binary, Execution, DataSpec.None, [], null, 1, null, null, 0, null, null, section);
    }
}
