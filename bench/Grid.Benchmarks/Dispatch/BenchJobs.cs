using System.Globalization;
using ModelGrid.Evaluations;

namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>
/// The jobs a cell submits: every one a distinct spec (its own dedup key), four suites per model version and a
/// hundred versions per model, so each version's job list stays as short as it is in use.
/// </summary>
internal static class BenchJobs
{
    public const int SuitesPerVersion = 4;
    public const int VersionsPerModel = 100;

    public static JobSpec Spec(int index)
    {
        var version = index / SuitesPerVersion;
        var suite = index % SuitesPerVersion;
        return new JobSpec(
            new ModelId("dispatch-bench", $"model-{(version / VersionsPerModel).ToString(CultureInfo.InvariantCulture)}"),
            (version % VersionsPerModel) + 1,
            RevisionId: version.ToString("x64", CultureInfo.InvariantCulture),
            SuiteId: $"bench-suite-{suite.ToString(CultureInfo.InvariantCulture)}@1",
            SuiteDigest: suite.ToString("x64", CultureInfo.InvariantCulture),
            EvaluatorVersion: "dispatch-bench-1",
            HardwareClass: HardwareClasses.Cpu,
            RequiresGpu: false,
            PerHardware: false,
            Requester: "dispatch-bench");
    }
}
