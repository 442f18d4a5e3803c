using System.Text.Json.Serialization;

namespace ModelGrid.Evaluations;

/// <summary>What an evaluation job runs: a model version's revision against a suite, on a class of hardware.</summary>
/// <param name="Model">The model.</param>
/// <param name="Version">The version number.</param>
/// <param name="RevisionId">The version's revision id (hex SHA-256 of its manifest).</param>
/// <param name="SuiteId">The suite, <c>id@version</c>.</param>
/// <param name="SuiteDigest">The suite's digest over its spec and datasets.</param>
/// <param name="EvaluatorVersion">The version of the code that evaluates; a new one makes results not comparable.</param>
/// <param name="HardwareClass"><see cref="HardwareClasses.Cpu"/> or <see cref="HardwareClasses.Gpu"/>.</param>
/// <param name="RequiresGpu">Whether only a worker with a GPU may run it.</param>
/// <param name="PerHardware">Whether the result depends on the hardware (throughput), so the class joins the dedup key.</param>
/// <param name="Requester">Who asked for it.</param>
public sealed record JobSpec(
    ModelId Model,
    int Version,
    string RevisionId,
    string SuiteId,
    string SuiteDigest,
    string EvaluatorVersion,
    string HardwareClass,
    bool RequiresGpu,
    bool PerHardware,
    string Requester)
{
    /// <summary>
    /// The key two submissions share when one result answers both: revision, suite digest and evaluator version,
    /// plus the hardware class when <see cref="PerHardware"/> (otherwise <c>any</c>, so no evaluator version can
    /// collide with a per-hardware key).
    /// </summary>
    [JsonIgnore]
    public string DedupKey => $"{RevisionId}|{SuiteDigest}|{EvaluatorVersion}|{(PerHardware ? HardwareClass : "any")}";

    /// <summary>The grain key of the version this job evaluates, <c>owner/name@N</c>.</summary>
    [JsonIgnore]
    public string VersionKey => Model.VersionKey(Version);

    /// <summary>Why the spec cannot be run, or null when it is complete.</summary>
    public string? Problem()
    {
        if (Version < 1)
        {
            return "the version number must be 1 or more";
        }

        if (string.IsNullOrWhiteSpace(RevisionId) || string.IsNullOrWhiteSpace(SuiteId) || string.IsNullOrWhiteSpace(SuiteDigest) || string.IsNullOrWhiteSpace(EvaluatorVersion))
        {
            return "a job needs a revision id, a suite id, a suite digest and an evaluator version";
        }

        if (!HardwareClasses.IsKnown(HardwareClass))
        {
            return $"the hardware class '{HardwareClass}' is not '{HardwareClasses.Cpu}' or '{HardwareClasses.Gpu}'";
        }

        if (RequiresGpu && HardwareClass != HardwareClasses.Gpu)
        {
            return $"a job that requires a GPU has the hardware class '{HardwareClasses.Gpu}'";
        }

        return string.IsNullOrWhiteSpace(Requester) ? "a job needs a requester" : null;
    }
}
