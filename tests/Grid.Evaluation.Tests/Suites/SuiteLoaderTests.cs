using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Tests.Suites;

public sealed class SuiteLoaderTests
{
    private const string Minimal = """
        id: tiny
        kind: accuracy
        description: a tiny suite
        task: binary
        data:
          format: csv
          csv: { artifact: adult-test.csv, header: true }
          label: { column: y, positive: ["1"], negative: ["0"] }
        model:
          inputs:
            - { name: x, kind: float }
          output: { kind: probabilities }
        """;

    [Fact]
    public void Parse_MinimalSuite_FillsTheDefaults()
    {
        var spec = SuiteLoader.Parse(Minimal);

        Assert.Equal("tiny@1", spec.Name);
        Assert.Equal(0.5, spec.Output!.Threshold);
        Assert.Equal(ExecutionRequirement.Auto, spec.Execution);
        Assert.Equal(256, spec.BatchSize);
        Assert.Equal(new BootstrapSpec(1000, 0, 0.95), spec.Bootstrap);
        Assert.Equal("x", spec.Inputs[0].Column);
    }

    [Theory]
    [InlineData("description: a tiny suite", "description: a tiny suite\ndescriptio: typo", "descriptio is not a known setting here")]
    [InlineData("kind: accuracy", "kind: fairness", "kind must be one of accuracy, bias, throughput, multiple-choice, sentence-pairs, generation, not 'fairness'")]
    [InlineData("task: binary", "task: binary\nbootstrap: { replicates: 10 }", "bootstrap.replicates must be a whole number from 1000 to 1000000, not '10'")]
    [InlineData("task: binary", "task: binary\nfairness: { sensitive: [] }", "fairness is only used by a bias suite")]
    [InlineData("task: binary", "task: binary\ncalibration-bins: 0", "calibration-bins must be a whole number from 1 to 1000, not '0'")]
    [InlineData("kind: probabilities", "kind: probability", "model.output.kind must be one of probabilities, logits, label, not 'probability'")]
    [InlineData("description: a tiny suite\n", "", "description is required")]
    public void Parse_BadSetting_NamesTheKey(string find, string replace, string expected)
    {
        var yaml = Minimal.Replace(find, replace, StringComparison.Ordinal);

        var error = Assert.Throws<SuiteFormatException>(() => SuiteLoader.Parse(yaml, "tiny/suite.yaml"));

        Assert.Equal($"tiny/suite.yaml: {expected}", error.Message);
    }

    [Fact]
    public void Parse_LabelValueBothPositiveAndNegative_IsRefused()
    {
        var yaml = Minimal.Replace("negative: [\"0\"]", "negative: [\"1\"]", StringComparison.Ordinal);

        var error = Assert.Throws<SuiteFormatException>(() => SuiteLoader.Parse(yaml));

        Assert.Equal("suite.yaml: data.label.negative must not repeat a positive value", error.Message);
    }

    [Fact]
    public void Parse_BiasSuiteWithUnknownPrivilegedLevel_IsRefused()
    {
        var yaml = Minimal.Replace("kind: accuracy", "kind: bias", StringComparison.Ordinal)
            + "\nfairness:\n  favourable: positive\n  sensitive:\n    - { column: sex, levels: [F, M], privileged: X }\n";

        var error = Assert.Throws<SuiteFormatException>(() => SuiteLoader.Parse(yaml));

        Assert.Equal("suite.yaml: fairness.sensitive[0].privileged 'X' is not one of the levels", error.Message);
    }

    [Fact]
    public void Parse_IntersectionOfUndeclaredFeature_IsRefused()
    {
        var yaml = Minimal.Replace("kind: accuracy", "kind: bias", StringComparison.Ordinal)
            + "\nfairness:\n  favourable: positive\n  sensitive:\n    - { column: sex, levels: [F, M] }\n  intersections: [[sex, race]]\n";

        var error = Assert.Throws<SuiteFormatException>(() => SuiteLoader.Parse(yaml));

        Assert.Equal("suite.yaml: fairness.intersections [sex, race] must combine two or more different declared sensitive features", error.Message);
    }

    private static string Bias(string favourable) => Minimal.Replace("kind: accuracy", "kind: bias", StringComparison.Ordinal)
        + "\nfairness:\n" + favourable + "  sensitive:\n    - { column: sex, levels: [F, M], privileged: M }\n";

    [Fact]
    public void Parse_BiasSuiteWithoutFavourable_IsRefusedNamingTheChoice()
    {
        var error = Assert.Throws<SuiteFormatException>(() => SuiteLoader.Parse(Bias(""), "tiny/suite.yaml"));

        Assert.Equal(
            "tiny/suite.yaml: fairness.favourable is required for a bias suite: say which prediction AIF360's metrics count as favourable, positive (ŷ = 1) or negative (ŷ = 0)",
            error.Message);
    }

    [Fact]
    public void Parse_FavourableNegative_ReadsItAndItsMeaning()
    {
        var spec = SuiteLoader.Parse(Bias("  favourable: negative\n  favourable-meaning: not charged again\n"));

        Assert.Equal(FavourableOutcome.Negative, spec.Fairness!.Favourable);
        Assert.Equal("not charged again", spec.Fairness.FavourableMeaning);
        Assert.Equal(FavourableOutcome.Negative, spec.Fairness.OptionsFor(spec.Fairness.Sensitive).Favourable);
    }

    [Fact]
    public void Parse_FavourableMisspelt_NamesTheValues()
    {
        var error = Assert.Throws<SuiteFormatException>(() => SuiteLoader.Parse(Bias("  favourable: \"0\"\n")));

        Assert.Equal("suite.yaml: fairness.favourable must be one of positive, negative, not '0'", error.Message);
    }

    [Fact]
    public void Digest_FavourablePositiveLeavesTheCanonicalSpecAsItWas_NegativeChangesIt()
    {
        ArtifactRef[] data = [new("adult-test.csv", 10, new string('a', 64))];

        var positive = SuiteDigest.Canonical(SuiteLoader.Parse(Bias("  favourable: positive\n")), data);
        var negative = SuiteDigest.Canonical(SuiteLoader.Parse(Bias("  favourable: negative\n")), data);

        Assert.DoesNotContain("favourable", positive, StringComparison.Ordinal);
        Assert.Contains("\"favourable\":\"negative\"", negative, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotYaml_SaysWhere()
    {
        var error = Assert.Throws<SuiteFormatException>(() => SuiteLoader.Parse("id: [unclosed"));

        Assert.StartsWith("suite.yaml: not valid YAML at line ", error.Message);
    }

    [Fact]
    public void Parse_FilterWithTwoConditions_IsRefused()
    {
        var yaml = Minimal.Replace("  label:", "  filter:\n    - { column: a, in: [x], less-than: 3 }\n  label:", StringComparison.Ordinal);

        var error = Assert.Throws<SuiteFormatException>(() => SuiteLoader.Parse(yaml));

        Assert.Contains("data.filter[0].column 'a' needs exactly one condition", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Digest_ChangesWithTheThresholdAndTheData()
    {
        var spec = SuiteLoader.Parse(Minimal);
        ArtifactRef[] data = [new("adult-test.csv", 10, new string('a', 64))];
        var digest = SuiteDigest.Compute(spec, data);

        var otherThreshold = SuiteDigest.Compute(SuiteLoader.Parse(Minimal.Replace("kind: probabilities", "kind: probabilities, threshold: 0.6", StringComparison.Ordinal)), data);
        var otherData = SuiteDigest.Compute(spec, [new("adult-test.csv", 10, new string('b', 64))]);

        Assert.NotEqual(digest, otherThreshold);
        Assert.NotEqual(digest, otherData);
        Assert.Equal(digest, SuiteDigest.Compute(SuiteLoader.Parse(Minimal + "\n# a comment changes nothing\n"), data));
    }

    [Fact]
    public void Canonical_SortsKeysWithoutWhitespace()
    {
        var canonical = SuiteDigest.Canonical(SuiteLoader.Parse(Minimal), [new("adult-test.csv", 10, new string('a', 64))]);

        Assert.StartsWith("{\"data\":[{\"name\":\"adult-test.csv\",\"sha256\":\"aaaa", canonical);
        Assert.DoesNotContain(" ", canonical.Replace("a tiny suite", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Limits_ReadsTheWallClockAndTheMemory()
    {
        var spec = SuiteLoader.Parse(Minimal + "\nlimits: { wall-clock: 1h30m, memory: 1.5GiB }\n");

        Assert.Equal(new SuiteLimits(TimeSpan.FromMinutes(90), 3L << 29), spec.Limits);
        Assert.Null(SuiteLoader.Parse(Minimal).Limits);
        Assert.Equal(new SuiteLimits(TimeSpan.FromSeconds(45), null), SuiteLoader.Parse(Minimal + "\nlimits: { wall-clock: 45s }\n").Limits);
    }

    [Theory]
    [InlineData("limits: { wall-clock: 10 minutes }", "limits.wall-clock must be a duration such as 90s, 10m, 2h or 1h30m, from 1 s to 24 h, not '10 minutes'")]
    [InlineData("limits: { wall-clock: 25h }", "limits.wall-clock must be a duration such as 90s, 10m, 2h or 1h30m, from 1 s to 24 h, not '25h'")]
    [InlineData("limits: { memory: 2GB }", "limits.memory must be a size such as 512MiB or 2GiB, from 1 MiB to 1 TiB, not '2GB'")]
    [InlineData("limits: { memory: 512KiB }", "limits.memory must be a size such as 512MiB or 2GiB, from 1 MiB to 1 TiB, not '512KiB'")]
    [InlineData("limits: { cpu: 2 }", "limits.wall-clock or memory must be given when limits is")]
    [InlineData("limits: { memory: 1GiB, cpu: 2 }", "limits.cpu is not a known setting here")]
    public void Parse_BadLimits_NamesTheKey(string limits, string expected)
    {
        var error = Assert.Throws<SuiteFormatException>(() => SuiteLoader.Parse(Minimal + "\n" + limits + "\n", "tiny/suite.yaml"));

        Assert.Equal($"tiny/suite.yaml: {expected}", error.Message);
    }

    [Fact]
    public void Digest_DeclaredLimitsChangeIt_AbsentLimitsLeaveTheCanonicalSpecAsItWas()
    {
        ArtifactRef[] data = [new("adult-test.csv", 10, new string('a', 64))];
        var plain = SuiteDigest.Canonical(SuiteLoader.Parse(Minimal), data);
        var limited = SuiteDigest.Canonical(SuiteLoader.Parse(Minimal + "\nlimits: { memory: 2GiB }\n"), data);

        Assert.DoesNotContain("limits", plain, StringComparison.Ordinal);
        Assert.Contains("\"limits\":{\"memory-bytes\":2147483648,\"wall-clock\":null}", limited, StringComparison.Ordinal);
        Assert.NotEqual(SuiteDigest.Compute(SuiteLoader.Parse(Minimal), data), SuiteDigest.Compute(SuiteLoader.Parse(Minimal + "\nlimits: { memory: 2GiB }\n"), data));
    }
}
