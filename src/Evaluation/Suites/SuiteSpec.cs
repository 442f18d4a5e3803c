using System.Text.Json.Serialization;

namespace ModelGrid.Evaluation.Suites;

/// <summary>
/// A validated suite (<c>suite.yaml</c>): what it measures, on which data, how a model's inputs are fed and its
/// output read, and the statistics asked for. Everything a reader could argue about is stated here (DESIGN §9.5).
/// </summary>
/// <param name="Id">The suite's id, e.g. <c>adult-income</c>.</param>
/// <param name="Version">The suite's version; a change to what it computes takes a new one.</param>
/// <param name="Kind">The suite's kind (accuracy, bias, throughput or another registered kind).</param>
/// <param name="Description">One line for listings.</param>
/// <param name="DataCard">The data card's file name beside <c>suite.yaml</c>, or null.</param>
/// <param name="Task">Binary or multiclass (not for throughput).</param>
/// <param name="Execution">The execution provider requirement.</param>
/// <param name="Data">The data.</param>
/// <param name="Inputs">The model inputs and where each comes from (empty for throughput: generated).</param>
/// <param name="Output">The scored output (null for throughput).</param>
/// <param name="BatchSize">Rows per model call where the batch dimension is dynamic.</param>
/// <param name="Fairness">The fairness part (bias suites only).</param>
/// <param name="Bootstrap">The bootstrap (not for throughput).</param>
/// <param name="CalibrationBins">Equal-width bins of the calibration error.</param>
/// <param name="Throughput">The throughput part (throughput suites only).</param>
/// <param name="Limits">
/// The declared wall-clock limit and memory ceiling, or null for the kind's defaults. Left out of the digest when not
/// declared, so suites written before limits existed keep their digests.
/// </param>
/// <param name="Section">
/// The settings of a kind of its own (a record the kind reads, <see cref="Kinds.SuiteHeader.Spec"/>), or null for the
/// built-in kinds, whose settings are the parameters above. Serialized into the digest when present.
/// </param>
public sealed record SuiteSpec(
    string Id,
    int Version,
    SuiteKind Kind,
    string Description,
    string? DataCard,
    TaskKind Task,
    ExecutionRequirement Execution,
    DataSpec Data,
    IReadOnlyList<ModelInputSpec> Inputs,
    OutputSpec? Output,
    int BatchSize,
    FairnessSpec? Fairness,
    BootstrapSpec? Bootstrap,
    int CalibrationBins,
    ThroughputSpec? Throughput,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SuiteLimits? Limits = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Section = null)
{
    /// <summary><c>id@version</c>.</summary>
    public string Name => $"{Id}@{Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
