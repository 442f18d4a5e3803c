using ModelGrid.Client.Transfer;
using ModelGrid.Evaluation.Data;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Client.Cli.Evaluation;

/// <summary>
/// <c>grid eval --local</c>: one suite on one ONNX file through <c>src/Evaluation</c> alone, no hub. It runs the
/// same <see cref="SuiteRunner"/> with the same settings a worker uses, so the figures equal a submitted job's.
/// </summary>
public static class LocalEvaluation
{
    public static async Task<EvaluationReport> RunAsync(string modelPath, string suiteFolder, LocalArtifactSettings settings, Action<string> log, CancellationToken cancellationToken)
    {
        if (!File.Exists(modelPath))
        {
            throw new CliException($"'{modelPath}' is not a file; --local names an ONNX model file");
        }

        if (!Directory.Exists(suiteFolder))
        {
            throw new CliException($"'{suiteFolder}' is not a folder; --suite names a suite folder holding suite.yaml (e.g. eval-suites/compas-recidivism)");
        }

        using var artifacts = new LocalArtifactFiles(settings);
        Suite suite;
        try
        {
            suite = Suite.Load(suiteFolder, artifacts);
        }
        catch (SuiteFormatException e)
        {
            throw new CliException($"the suite is not valid: {e.Message}");
        }

        // A worker without a GPU forces CPU; so does this machine without one.
        var runSettings = new RunSettings { ForceCpu = !GpuProbe.Detect().Available };
        var runner = new SuiteRunner(new OnnxSessionFactory(new SessionSettings()), artifacts);
        try
        {
            var outcome = await runner.RunAsync(suite, Path.GetFullPath(modelPath), runSettings, log, cancellationToken);
            return outcome.Report;
        }
        catch (Exception e) when (e is ModelInputMismatchException or InvalidModelException or ModelRunException or GpuUnavailableException or SuiteDataException or DatasetFormatException)
        {
            throw new CliException($"evaluation failed: {e.Message}", ExitCodes.EvaluationFailed);
        }
    }
}
