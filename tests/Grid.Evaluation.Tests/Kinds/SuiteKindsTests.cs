using ModelGrid.Cards;
using ModelGrid.Evaluation.Comparison;
using ModelGrid.Evaluation.Kinds;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Suites;
using ModelGrid.Testing;

namespace ModelGrid.Evaluation.Tests.Kinds;

public sealed class SuiteKindsTests
{
    private const string Yaml = """
        id: mean-of-doubled
        kind: mean-output
        description: the mean output for a constant input
        mean-output: { input: x, fill: 0.25, width: 4 }
        """;

    private static readonly Lazy<string> Folder = new(() => TestPaths.NewTempFolder("mean-output-models"));

    /// <summary><c>y = x + x</c> over float[1, 4].</summary>
    private static readonly Lazy<string> Doubling = new(() => Model("doubling.onnx", "Add"));

    /// <summary><c>y = x * x</c> over float[1, 4].</summary>
    private static readonly Lazy<string> Squaring = new(() => Model("squaring.onnx", "Mul"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_TestOnlyKind_RunsThroughLoaderRunnerReportCardAndComparison()
    {
        var kinds = new SuiteKinds();
        kinds.Register(new MeanOutputKind());

        var spec = SuiteLoader.Parse(Yaml, kinds: kinds);
        var suite = Suite.Create(spec, MirrorArtifacts.Instance, kinds: kinds);
        Assert.Equal(new SuiteKind("mean-output"), spec.Kind);
        Assert.Equal(new MeanOutputSection("x", 0.25, 4), spec.Section);
        Assert.Equal(ExecutionRequirement.Cpu, spec.Execution);
        Assert.Contains("\"section\":{\"fill\":0.25,\"input\":\"x\",\"width\":4}", SuiteDigest.Canonical(spec, []), StringComparison.Ordinal);

        var runner = new SuiteRunner(new OnnxSessionFactory(new SessionSettings()), MirrorArtifacts.Instance, kinds);
        var lines = new List<string>();
        var doubled = await runner.RunAsync(suite, Doubling.Value, null, lines.Add, Ct);
        var squared = await runner.RunAsync(suite, Squaring.Value, cancellationToken: Ct);
        Assert.Equal(0.5, doubled.Report.Metric("mean_output")!.Value);
        Assert.Equal(0.0625, squared.Report.Metric("mean_output")!.Value);
        Assert.Contains("limits: wall clock 1 min, memory 1 GiB", lines);

        var json = EvaluationJson.Serialize(doubled.Report);
        Assert.Contains("\"kind\": \"mean-output\"", System.Text.Encoding.UTF8.GetString(json), StringComparison.Ordinal);
        Assert.Equal(json, EvaluationJson.Serialize(EvaluationJson.Deserialize(json)));

        Assert.Equal(
            "One constant input on CPU.\n\n| metric | value |\n| --- | --- |\n| mean_output | 0.5000 |\n",
            ReportMarkdown.Render(doubled.Report, kinds: kinds.Presentations));

        var card = EvaluationCard.Render("# Doubling\n", "alice/doubling", [new RecordedResult(Guid.Empty, 1, doubled.Report)], kinds.Presentations);
        Assert.Contains("  - task:\n      type: mean-output\n", card, StringComparison.Ordinal);
        Assert.Contains("    - type: mean_output\n      value: 0.5\n      name: mean_output\n      verified: true\n", card, StringComparison.Ordinal);
        Assert.Contains("\n### mean-of-doubled@1 — job 00000000-0000-0000-0000-000000000000, attempt 1\n", card, StringComparison.Ordinal);
        Assert.Contains("| mean_output | 0.5000 |\n", card, StringComparison.Ordinal);
        Assert.DoesNotContain("rows:", card, StringComparison.Ordinal);

        var kind = kinds.Get(spec.Kind);
        Assert.Null(kind.NotComparable(suite));
        var comparison = await kind.CompareAsync(
            suite, MirrorArtifacts.Instance, [new ComparedVersion(1, doubled.Report, doubled.Predictions!), new ComparedVersion(2, squared.Report, squared.Predictions!)], 1, Ct);
        var row = Assert.Single(comparison.Metrics);
        Assert.Equal("mean_output", row.Name);
        Assert.Equal([0.5, 0.0625], row.Figures.Select(f => f.Value!.Value));
        Assert.Equal(-0.4375, row.Figures[1].Delta!.Value);
        Assert.Equal(["mean_output"], ComparisonText.Headline(kinds.Presentations).Where(n => n == "mean_output"));
    }

    [Fact]
    public void Register_OnAnInstance_LeavesTheDefaultRegistryAlone()
    {
        var kinds = new SuiteKinds();
        kinds.Register(new MeanOutputKind());

        Assert.Equal(["accuracy", "bias", "throughput", "multiple-choice", "sentence-pairs", "generation", "mean-output"], kinds.Names);
        Assert.Equal(["accuracy", "bias", "throughput", "multiple-choice", "sentence-pairs", "generation"], SuiteKinds.Default.Names);
        Assert.Null(SuiteKindPresentations.Default.Find(MeanOutputPresentation.MeanOutput));
        Assert.NotNull(kinds.Presentations.Find(MeanOutputPresentation.MeanOutput));
    }

    [Fact]
    public void Parse_UnknownKind_NamesEveryRegisteredKind()
    {
        var kinds = new SuiteKinds();
        kinds.Register(new MeanOutputKind());

        var error = Assert.Throws<SuiteFormatException>(() => SuiteLoader.Parse(Yaml.Replace("kind: mean-output", "kind: perplexity", StringComparison.Ordinal), kinds: kinds));

        Assert.Equal("suite.yaml: kind must be one of accuracy, bias, throughput, multiple-choice, sentence-pairs, generation, mean-output, not 'perplexity'", error.Message);
    }

    [Fact]
    public void Parse_KindsOwnSectionWithAnUnknownKey_FailsNamingIt()
    {
        var kinds = new SuiteKinds();
        kinds.Register(new MeanOutputKind());

        var error = Assert.Throws<SuiteFormatException>(() => SuiteLoader.Parse(Yaml.Replace("width: 4", "widht: 4", StringComparison.Ordinal), kinds: kinds));

        Assert.Equal("suite.yaml: mean-output.widht is not a known setting here", error.Message);
    }

    [Fact]
    public void Register_AnotherKindOfARegisteredName_IsRefused()
    {
        var kinds = new SuiteKinds();
        kinds.Register(new MeanOutputKind());

        var error = Assert.Throws<InvalidOperationException>(() => kinds.Register(new MeanOutputKind()));

        Assert.Equal("suite kind 'mean-output' is already registered (MeanOutputKind)", error.Message);
    }

    [Fact]
    public void Default_ShippedKinds_KeepTheirDefaults()
    {
        var (accuracy, bias, throughput) = (SuiteKinds.Default.Get(SuiteKind.Accuracy), SuiteKinds.Default.Get(SuiteKind.Bias), SuiteKinds.Default.Get(SuiteKind.Throughput));

        Assert.Equal((ExecutionRequirement.Auto, TimeSpan.FromMinutes(30), 4L << 30, false), (accuracy.DefaultExecution, accuracy.DefaultWallClock, accuracy.DefaultMemoryBytes, accuracy.MeasuresHardware));
        Assert.Equal((ExecutionRequirement.Auto, TimeSpan.FromMinutes(30), 4L << 30, false), (bias.DefaultExecution, bias.DefaultWallClock, bias.DefaultMemoryBytes, bias.MeasuresHardware));
        Assert.Equal((ExecutionRequirement.Cpu, TimeSpan.FromMinutes(15), 4L << 30, true), (throughput.DefaultExecution, throughput.DefaultWallClock, throughput.DefaultMemoryBytes, throughput.MeasuresHardware));
        Assert.Same(SuiteKindPresentations.Default, SuiteKinds.Default.Presentations);
    }

    private static string Model(string fileName, string op) => new OnnxGraph()
        .Input("x", OnnxGraph.FloatType, 1, 4)
        .Node(op, ["x", "x"], ["y"])
        .Output("y", OnnxGraph.FloatType, 1, 4)
        .WriteTo(Folder.Value, fileName);
}
