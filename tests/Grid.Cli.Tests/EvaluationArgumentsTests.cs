using ModelGrid.Client.Transfer;
using ModelGrid.Evaluations;

namespace ModelGrid.Client.Cli.Tests;

public sealed class EvaluationArgumentsTests
{
    [Theory]
    [InlineData("90", 90)]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("1h", 3600)]
    [InlineData("1h30m", 5400)]
    [InlineData("2m5s", 125)]
    public void ParseDuration_KnownForms_Seconds(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), EvaluationArguments.ParseDuration(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("0s")]
    [InlineData("m")]
    [InlineData("10x")]
    [InlineData("10m5")]
    [InlineData("-5s")]
    [InlineData("1.5h")]
    public void ParseDuration_Malformed_UsageErrorNamingIt(string text)
    {
        var e = Assert.Throws<CliException>(() => EvaluationArguments.ParseDuration(text));

        Assert.Equal(ExitCodes.Usage, e.ExitCode);
        Assert.StartsWith($"'{text}' is not a duration", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseJobId_GuidInEitherForm_TheGuid()
    {
        var id = Guid.NewGuid();

        Assert.Equal(id, EvaluationArguments.ParseJobId(id.ToString("D")));
        Assert.Equal(id, EvaluationArguments.ParseJobId(id.ToString("N")));
    }

    [Fact]
    public void ParseJobId_NotAGuid_UsageError()
    {
        var e = Assert.Throws<CliException>(() => EvaluationArguments.ParseJobId("demo/mnist"));

        Assert.StartsWith("'demo/mnist' is not a job id", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseVersions_DifferentNumbers_InTheirOrder()
    {
        Assert.Equal([3, 1, 2], EvaluationArguments.ParseVersions("3, 1,2"));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1,1")]
    [InlineData("1,x")]
    [InlineData("0,1")]
    [InlineData("1,,2")]
    public void ParseVersions_FewerThanTwoOrNotNumbers_UsageError(string text)
    {
        Assert.Throws<CliException>(() => EvaluationArguments.ParseVersions(text));
    }

    [Theory]
    [InlineData("queued", JobStatus.Queued)]
    [InlineData("Succeeded", JobStatus.Succeeded)]
    [InlineData("cancelled", JobStatus.Cancelled)]
    public void ParseStatus_Name_TheStatus(string text, JobStatus expected)
    {
        Assert.Equal(expected, EvaluationArguments.ParseStatus(text));
    }

    [Theory]
    [InlineData("done")]
    [InlineData("1")]
    public void ParseStatus_Unknown_UsageErrorListingTheStatuses(string text)
    {
        var e = Assert.Throws<CliException>(() => EvaluationArguments.ParseStatus(text));

        Assert.Contains("queued, leased, succeeded, failed or cancelled", e.Message, StringComparison.Ordinal);
    }
}
