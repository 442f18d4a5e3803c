using ModelGrid.Evaluation.Comparison;
using ModelGrid.Evaluation.Leaderboards;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>
/// One suite kind, the engine's half: its part of <c>suite.yaml</c> (read and checked), the artifacts it reads, its
/// defaults, its run and its comparison of versions. It names its other half, <see cref="Presentation"/> (headline
/// metrics, report, card and terminal text, in Grid.Contracts); registering a kind in <see cref="SuiteKinds"/>
/// registers both. The loader, the runner, the comparison and the API ask the registry; nothing else names a kind.
/// </summary>
public interface ISuiteKind
{
    /// <summary>The kind's name in <c>suite.yaml</c>, stored results and the API.</summary>
    SuiteKind Kind { get; }

    /// <summary>How the kind's results are shown; registered with the kind.</summary>
    ISuiteKindPresentation Presentation { get; }

    /// <summary>The execution requirement of a suite that declares none.</summary>
    ExecutionRequirement DefaultExecution { get; }

    /// <summary>The wall-clock limit of a suite that declares none.</summary>
    TimeSpan DefaultWallClock { get; }

    /// <summary>The memory ceiling of a suite that declares none.</summary>
    long DefaultMemoryBytes { get; }

    /// <summary>Whether a result depends on the hardware it ran on, so a job's dedup key includes the hardware class.</summary>
    bool MeasuresHardware { get; }

    /// <summary>
    /// Reads and checks the kind's part of <c>suite.yaml</c>: every key of <paramref name="root"/> other than the common
    /// ones (<c>id</c>, <c>version</c>, <c>kind</c>, <c>description</c>, <c>data-card</c>, <c>execution</c>,
    /// <c>limits</c>), each an error (<see cref="YamlObject.Error"/>) when wrong. The spec returned is what the suite
    /// digest is taken of (<see cref="SuiteDigest"/>): a kind of its own keeps its settings in
    /// <see cref="SuiteSpec.Section"/> (<see cref="SuiteHeader.Spec"/>), and every one of them is a digest input.
    /// </summary>
    /// <param name="header">The common parts, already read.</param>
    /// <param name="root">The spec's top-level mapping.</param>
    SuiteSpec Read(SuiteHeader header, YamlObject root);

    /// <summary>The declared artifacts (<c>artifacts.json</c>) the suite reads, in a fixed order.</summary>
    /// <param name="spec">A spec of this kind.</param>
    IReadOnlyList<string> Artifacts(SuiteSpec spec);

    /// <summary>The largest batch the run feeds, for the check of the model's inputs against the memory ceiling.</summary>
    /// <param name="spec">A spec of this kind.</param>
    int LargestBatch(SuiteSpec spec);

    /// <summary>Runs the suite on the model; the runner has hashed and checked the model and holds the run to its limits.</summary>
    /// <param name="run">The suite, the model and what the run may use.</param>
    /// <param name="cancellationToken">Cancelled when the run is cancelled or goes over a limit; pass it into every long call.</param>
    Task<EvaluationOutcome> RunAsync(SuiteRun run, CancellationToken cancellationToken);

    /// <summary>Why versions cannot be compared on <paramref name="suite"/>, or null when they can.</summary>
    /// <param name="suite">A suite of this kind.</param>
    string? NotComparable(Suite suite);

    /// <summary>Compares versions' recorded results on <paramref name="suite"/>, with deltas against <paramref name="baseline"/>.</summary>
    /// <param name="suite">A suite of this kind.</param>
    /// <param name="artifacts">Where the suite's artifacts are read from.</param>
    /// <param name="versions">The versions' results, in the order to show them.</param>
    /// <param name="baseline">The baseline version number.</param>
    /// <param name="cancellationToken">Cancels reading the data.</param>
    /// <exception cref="ArgumentException">The results cannot be compared (another digest, other rows).</exception>
    Task<ComparisonReport> CompareAsync(Suite suite, IArtifactFiles artifacts, IReadOnlyList<ComparedVersion> versions, int baseline, CancellationToken cancellationToken);

    /// <summary>
    /// The figure a leaderboard of <paramref name="spec"/> ranks on, or null when the kind's results are not ranked (a
    /// kind without one headline direction). Kinds that rank override it.
    /// </summary>
    /// <param name="spec">A spec of this kind.</param>
    LeaderboardMetric? Leaderboard(SuiteSpec spec) => null;
}
