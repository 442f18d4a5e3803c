using System.Diagnostics;
using ModelGrid.Evaluation.Comparison;
using ModelGrid.Evaluation.Kinds;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Tests.Kinds;

/// <summary>
/// A kind that exists only in the tests, to show that a kind plugs in by one registration: it reads a section of its
/// own, feeds the model one constant input and reports the mean of its first output; versions compare by the plain
/// difference of their means.
/// </summary>
internal sealed class MeanOutputKind : ISuiteKind
{
    public const string MetricName = "mean_output";

    public SuiteKind Kind => MeanOutputPresentation.MeanOutput;

    public ISuiteKindPresentation Presentation { get; } = new MeanOutputPresentation();

    public ExecutionRequirement DefaultExecution => ExecutionRequirement.Cpu;

    public TimeSpan DefaultWallClock => TimeSpan.FromMinutes(1);

    public long DefaultMemoryBytes => 1L << 30;

    public bool MeasuresHardware => false;

    public SuiteSpec Read(SuiteHeader header, YamlObject root)
    {
        var node = root.RequiredObject("mean-output");
        var section = new MeanOutputSection(node.RequiredString("input"), node.Double("fill", 0, -1e6, 1e6), node.Int("width", 1, 1, 1024));
        node.Done();
        return header.Spec(section);
    }

    public IReadOnlyList<string> Artifacts(SuiteSpec spec) => [];

    public int LargestBatch(SuiteSpec spec) => 1;

    public Task<EvaluationOutcome> RunAsync(SuiteRun run, CancellationToken cancellationToken)
    {
        var section = (MeanOutputSection)run.Suite.Spec.Section!;
        var clock = Stopwatch.StartNew();
        using var session = run.Sessions.Open(run.ModelPath, run.SessionSettings());
        var input = InputTensor.Float(section.Input, [.. Enumerable.Repeat((float)section.Fill, section.Width)], 1, section.Width);
        var output = session.Run([input], null, cancellationToken)[0];
        var mean = output.Values.Average(v => (double)v);
        run.Log($"{MetricName}: {mean}");
        var report = run.Report(1, [new MetricValue(MetricName, mean, double.NaN, double.NaN, 0, 0)], run.Environment(session), new RunTimings(0, 0, clock.Elapsed.TotalMilliseconds, 0), []);
        return Task.FromResult(new EvaluationOutcome(report, new RowPredictions(["1"], [0], [0], [mean])));
    }

    public string? NotComparable(Suite suite) => null;

    public Task<ComparisonReport> CompareAsync(Suite suite, IArtifactFiles artifacts, IReadOnlyList<ComparedVersion> versions, int baseline, CancellationToken cancellationToken)
    {
        var basis = versions.Single(v => v.Version == baseline).Report.Metric(MetricName)!.Value;
        var figures = versions.Select(v =>
        {
            var own = v.Report.Metric(MetricName)!;
            return new VersionFigure(v.Version, own, v.Version == baseline ? null : own with { Value = own.Value - basis }, null);
        });
        return Task.FromResult(new ComparisonReport(suite.Spec.Id, suite.Digest, baseline, [.. versions.Select(v => v.Version)], 0, 0, 0.95, [new ComparedMetric(null, MetricName, [.. figures])]));
    }
}
