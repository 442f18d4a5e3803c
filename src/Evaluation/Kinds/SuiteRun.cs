using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>One run of a suite on a model, as the runner hands it to the suite's kind.</summary>
/// <param name="Suite">The suite.</param>
/// <param name="ModelPath">The ONNX model file.</param>
/// <param name="ModelSha256">The model file's SHA-256, already taken.</param>
/// <param name="Settings">The run's settings.</param>
/// <param name="Log">Receives one line per step.</param>
/// <param name="Sessions">Opens ONNX Runtime sessions.</param>
/// <param name="Artifacts">Where the suite's artifacts are read from.</param>
public sealed record SuiteRun(Suite Suite, string ModelPath, string ModelSha256, RunSettings Settings, Action<string> Log, OnnxSessionFactory Sessions, IArtifactFiles Artifacts)
{
    /// <summary>The session settings the suite's execution requirement and the worker's settings give.</summary>
    /// <exception cref="GpuUnavailableException">The suite requires a GPU and the worker runs on CPU only.</exception>
    public SessionSettings SessionSettings() => SuiteRunner.SessionSettingsFor(Suite.Spec, Settings);

    /// <summary>Where a run in <paramref name="session"/> ran.</summary>
    /// <param name="session">The session.</param>
    public RunEnvironment Environment(ModelSession session) => SuiteRunner.Environment(session, Settings);

    /// <summary>A report of this run with the suite's and the model's identity filled in.</summary>
    /// <param name="rows">Rows evaluated.</param>
    /// <param name="metrics">The metrics.</param>
    /// <param name="environment">Where it ran.</param>
    /// <param name="timings">How long it took.</param>
    /// <param name="warnings">What a reader should know about the figures.</param>
    public EvaluationReport Report(int rows, IReadOnlyList<MetricValue> metrics, RunEnvironment environment, RunTimings timings, IReadOnlyList<string> warnings) =>
        new(Suite.Spec.Id, Suite.Spec.Version, Suite.Digest, Suite.Spec.Kind, Suite.Spec.Task, Evaluator.Version, ModelSha256, rows, 0, metrics, [], null, null, environment, timings, warnings);
}
