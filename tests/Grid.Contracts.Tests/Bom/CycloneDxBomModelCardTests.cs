using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ModelGrid.Bom;
using ModelGrid.Contracts.Tests.Cards;
using static ModelGrid.Contracts.Tests.Bom.CycloneDxBomTests;

namespace ModelGrid.Contracts.Tests.Bom;

public sealed class CycloneDxBomModelCardTests
{
    [Fact]
    public void Build_BiasResult_EveryDefinedFigureWithItsSliceAndInterval()
    {
        var report = SampleReports.Bias(0.7);

        var metrics = ModelCard(BomInputs.Version(report))["quantitativeAnalysis"]!["performanceMetrics"]!.AsArray()
            .Select(m => $"{m!["type"]} = {m["value"]} [{m["confidenceInterval"]?["lowerBound"]}, {m["confidenceInterval"]?["upperBound"]}] on {m["slice"]}");

        Assert.Equal(
            [
                $"accuracy = {R(0.7)} [{R(0.7 - 0.05)}, {R(0.7 + 0.05)}] on toy-bias@1",
                "roc_auc = 0.8 [0.75, 0.85] on toy-bias@1",
                "demographic_parity_difference.between_groups = 0.06 [0, 0.2] on toy-bias@1; sex",
                "selection_rate = 0.3 [0.2, 0.4] on toy-bias@1; sex = F",
                "selection_rate = 0.36 [0.26, 0.46] on toy-bias@1; sex = M",
            ],
            metrics);
    }

    [Fact]
    public void Build_GroupBelowTheMinimumAndThroughput_UnreportedGroupLeftOutThroughputWithoutInterval()
    {
        var metrics = ModelCard(BomInputs.Version(SampleReports.BiasWithSmallGroup(), SampleReports.Throughput()))["quantitativeAnalysis"]!["performanceMetrics"]!.AsArray();

        Assert.DoesNotContain(metrics, m => ((string?)m!["slice"])!.Contains("Asian", StringComparison.Ordinal));
        Assert.Equal(["samples_per_second.batch_1.threads_1", "latency_p50_ms.batch_1.threads_1", "latency_p99_ms.batch_1.threads_1"], metrics.Where(m => (string?)m!["slice"] == "throughput-cpu@1").Select(m => (string?)m!["type"]));
        var throughput = metrics.First(m => (string?)m!["slice"] == "throughput-cpu@1")!;
        Assert.Equal("1234.5", (string?)throughput["value"]);
        Assert.Null(throughput["confidenceInterval"]);
    }

    [Fact]
    public void Build_NoResults_NoQuantitativeAnalysis()
    {
        Assert.Null(ModelCard(BomInputs.Version())["quantitativeAnalysis"]);
    }

    [Fact]
    public void Build_Card_ParametersAndConsiderationsFromTheCard()
    {
        var card = ModelCard(BomInputs.Version(SampleReports.Bias(0.7)));

        Assert.Equal("tabular-classification", (string?)card["modelParameters"]!["task"]);
        Assert.Equal("logistic-regression", (string?)card["modelParameters"]!["architectureFamily"]);
        Assert.Equal(["age (float)", "sex (string)"], card["modelParameters"]!["inputs"]!.AsArray().Select(i => (string?)i!["format"]));
        Assert.Equal(["probability (probabilities)"], card["modelParameters"]!["outputs"]!.AsArray().Select(i => (string?)i!["format"]));
        Assert.Equal(["suite/toy-bias@1"], card["modelParameters"]!["datasets"]!.AsArray().Select(d => (string?)d!["ref"]));
        var considerations = card["considerations"]!;
        Assert.Equal(["Comparing versions on the grid's fairness suite."], considerations["useCases"]!.AsArray().Select(u => (string?)u));
        Assert.Equal(["Trained on one county's records.", "Not for decisions about people."], considerations["technicalLimitations"]!.AsArray().Select(u => (string?)u));
        Assert.Equal(["Race and sex are inputs of v1."], considerations["ethicalConsiderations"]!.AsArray().Select(u => (string?)u!["name"]));
    }

    [Fact]
    public void Build_BiasResult_FairnessAssessmentOfTheGroupBelowThePrivilegedOne()
    {
        var assessment = Assert.Single(ModelCard(BomInputs.Version(SampleReports.Bias(0.7)))["considerations"]!["fairnessAssessments"]!.AsArray())!;

        Assert.Equal("toy-bias@1; sex = F", (string?)assessment["groupAtRisk"]);
        Assert.Equal("the positive prediction: 30.0 % of the group against 36.0 % of M", (string?)assessment["benefits"]);
        Assert.Equal("no error rates are defined for the group", (string?)assessment["harms"]);
    }

    [Fact]
    public void Build_Suites_DataComponentsWithDataCardHashesAndPinnedSources()
    {
        var input = BomInputs.Version(SampleReports.Bias(0.7));
        var suite = Assert.Single(Bom(input)["components"]!.AsArray())!;

        Assert.Equal("data", (string?)suite["type"]);
        Assert.Equal("suite/toy-bias@1", (string?)suite["bom-ref"]);
        Assert.Equal(input.Suites[0].DataCard, (string?)suite["data"]![0]!["contents"]!["attachment"]!["content"]);
        Assert.Null(suite["licenses"]);
        var files = suite["components"]!.AsArray();
        Assert.Equal(["plain.csv", "derived.csv", "converted.onnx"], files.Select(f => (string?)f!["name"]));
        Assert.Equal([new string('e', 64), new string('f', 64), new string('1', 64)], files.Select(f => (string?)f!["hashes"]![0]!["content"]));
        Assert.Equal("https://raw.githubusercontent.com/o/r/0123/plain.csv", (string?)files[0]!["externalReferences"]![0]!["url"]);
        Assert.Equal("CC-BY-4.0", (string?)files[0]!["licenses"]![0]!["license"]!["id"]);
        var original = files[1]!["externalReferences"]![0]!;
        Assert.Equal("https://raw.githubusercontent.com/o/r/0123/original.csv", (string?)original["url"]);
        Assert.Equal(new string('0', 64), (string?)original["hashes"]![0]!["content"]);
        Assert.Equal("none stated (public records)", (string?)files[1]!["licenses"]![0]!["license"]!["name"]);
        Assert.Equal("converted from a GGUF file", Property(files[2]!, "modelgrid:madeHow"));
    }

    [Fact]
    public void Build_Result_EnvironmentAsAFormula()
    {
        var formula = Assert.Single(Bom(BomInputs.Version(SampleReports.Bias(0.7)))["formulation"]!.AsArray())!;

        var runtime = formula["components"]![0]!;
        Assert.Equal("framework", (string?)runtime["type"]);
        Assert.Equal("ONNX Runtime", (string?)runtime["name"]);
        Assert.Equal("1.31.0", (string?)runtime["version"]);
        Assert.Equal("CUDA", Property(runtime, "modelgrid:executionProvider.requested"));
        Assert.Equal("CPU", Property(runtime, "modelgrid:executionProvider.actual"));
        Assert.Equal("no CUDA", Property(runtime, "modelgrid:executionProvider.fallbackReason"));
        var hardware = formula["components"]![1]!;
        Assert.Equal("device", (string?)hardware["type"]);
        Assert.Equal("cpu", Property(hardware, "modelgrid:hardwareClass"));
        Assert.Equal("test cpu", Property(hardware, "modelgrid:cpu"));
        Assert.Equal("toy-bias@1", Property(formula, "modelgrid:suite"));
    }

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static JsonNode Bom(BomInput input) => JsonNode.Parse(Encoding.UTF8.GetString(CycloneDxBom.Build(input)))!;

    private static JsonNode ModelCard(BomInput input) => Bom(input)["metadata"]!["component"]!["modelCard"]!;
}
