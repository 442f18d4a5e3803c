namespace ModelGrid.Client.Cli.Tests;

[Collection(ConfigHomeDefinition.Name)]
public sealed class GridCliTests : IDisposable
{
    private readonly ConfigHome _configHome = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task RunAsync_UnknownCommand_UsageErrorNamingIt()
    {
        var code = await GridCli.RunAsync(["frobnicate"], _output, _error);

        Assert.Equal(ExitCodes.Usage, code);
        var error = Assert.Single(ErrorLines());
        Assert.Contains("'frobnicate'", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, _output.ToString());
    }

    [Fact]
    public async Task RunAsync_MissingArgument_UsageError()
    {
        var code = await GridCli.RunAsync(["pull"], _output, _error);

        Assert.Equal(ExitCodes.Usage, code);
        var error = Assert.Single(ErrorLines());
        Assert.Contains("'pull'", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, _output.ToString());
    }

    [Fact]
    public async Task RunAsync_PullWithInvalidModel_UsageErrorInOneLine()
    {
        var code = await GridCli.RunAsync(["pull", "not-a-model"], _output, _error);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("error: 'not-a-model' is not of the form owner/name" + Environment.NewLine, _error.ToString());
        Assert.Equal(string.Empty, _output.ToString());
    }

    [Fact]
    public async Task RunAsync_UrlThatIsNotHttp_UsageErrorInOneLine()
    {
        var code = await GridCli.RunAsync(["model", "show", "alice/mnist", "--url", "ftp://127.0.0.1/"], _output, _error);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("error: 'ftp://127.0.0.1/' is not an http(s) address of a hub" + Environment.NewLine, _error.ToString());
    }

    [Fact]
    public async Task RunAsync_UnreachableHub_ExitCode7InOneLine()
    {
        var code = await GridCli.RunAsync(["model", "show", "alice/mnist", "--url", "http://127.0.0.1:1"], _output, _error);

        Assert.Equal(ExitCodes.Unreachable, code);
        var lines = _error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("error: cannot reach the hub: ", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, _output.ToString());
    }

    [Fact]
    public async Task RunAsync_EvalWithoutSubcommandOrLocal_UsageErrorNamingTheChoices()
    {
        var code = await GridCli.RunAsync(["eval"], _output, _error);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("error: use a subcommand (submit, status, list, wait, logs, cancel, suites, explain) or --local <model.onnx> --suite <folder>", Assert.Single(ErrorLines()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EvalLocalWithoutSuite_UsageError()
    {
        var code = await GridCli.RunAsync(["eval", "--local", "model.onnx"], _output, _error);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("error: --local needs --suite <folder>, e.g. --suite eval-suites/compas-recidivism" + Environment.NewLine, _error.ToString());
    }

    [Fact]
    public async Task RunAsync_EvalLocalMissingModel_UsageErrorInOneLine()
    {
        var code = await GridCli.RunAsync(["eval", "--local", "no-such.onnx", "--suite", "eval-suites/compas-recidivism"], _output, _error);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("error: 'no-such.onnx' is not a file; --local names an ONNX model file" + Environment.NewLine, _error.ToString());
    }

    [Fact]
    public async Task RunAsync_EvalSubmitWithoutSuite_UsageError()
    {
        var code = await GridCli.RunAsync(["eval", "submit", "demo/mnist"], _output, _error);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--suite", Assert.Single(ErrorLines()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EvalWaitBadTimeout_UsageErrorBeforeAnyCall()
    {
        var code = await GridCli.RunAsync(["eval", "wait", Guid.NewGuid().ToString(), "--timeout", "soon", "--url", "http://127.0.0.1:1"], _output, _error);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("error: 'soon' is not a duration", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CompareOneVersion_UsageErrorBeforeAnyCall()
    {
        var code = await GridCli.RunAsync(["compare", "demo/compas-recidivism", "--versions", "4", "--suite", "compas-recidivism", "--url", "http://127.0.0.1:1"], _output, _error);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("error: --versions 4 does not name two or more different versions; use e.g. --versions 1,2,3" + Environment.NewLine, _error.ToString());
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        _configHome.Dispose();
    }

    [Fact]
    public async Task RunAsync_EvalExplainDisparateImpact_DefinitionFormulaSourceAndDirection()
    {
        var code = await GridCli.RunAsync(["eval", "explain", "aif360.disparate_impact"], _output, _error);

        Assert.Equal(ExitCodes.Success, code);
        var lines = _output.ToString().Split(Environment.NewLine);
        Assert.Equal("aif360.disparate_impact — disparate impact (AIF360)", lines[0]);
        Assert.Equal(string.Empty, lines[1]);
        Assert.StartsWith("The rate at which the unprivileged rows get the favourable outcome", lines[2], StringComparison.Ordinal);
        Assert.Contains("Formula: P(ŷ = fav | unprivileged) / P(ŷ = fav | privileged).", lines[2], StringComparison.Ordinal);
        Assert.Contains("Source: AIF360 `ClassificationMetric.disparate_impact`", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("Better: closer to 1; below 0.8 fails the four-fifths rule.", lines[2], StringComparison.Ordinal);
        Assert.Equal(string.Empty, _error.ToString());
    }

    [Fact]
    public async Task RunAsync_EvalExplainAComparisonRow_ExplainsEachPart()
    {
        var code = await GridCli.RunAsync(["eval", "explain", "race x sex: group[Asian, Male].false_positive_rate"], _output, _error);

        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("race x sex: group[Asian, Male].false_positive_rate — false positive rate of Asian, Male" + Environment.NewLine, _output.ToString(), StringComparison.Ordinal);
        Assert.Contains(" group[Asian, Male]: Taken on the rows of one group only;", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EvalExplainUnknownMetric_UsageErrorInOneLine()
    {
        var code = await GridCli.RunAsync(["eval", "explain", "fairness_score"], _output, _error);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("error: 'fairness_score' is not a metric the grid reports; 'grid eval explain' lists them" + Environment.NewLine, _error.ToString());
        Assert.Equal(string.Empty, _output.ToString());
    }

    [Fact]
    public async Task RunAsync_EvalExplainWithoutAName_ListsEveryMetric()
    {
        var code = await GridCli.RunAsync(["eval", "explain"], _output, _error);

        Assert.Equal(ExitCodes.Success, code);
        var lines = _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ModelGrid.Evaluation.Reporting.MetricGlossary.Definitions.Count + 1, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("aif360.disparate_impact ", StringComparison.Ordinal) && l.EndsWith("  disparate impact (AIF360)", StringComparison.Ordinal));
    }

    private string[] ErrorLines() =>
        [.. _error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error: ", StringComparison.Ordinal))];
}
