namespace ModelGrid.Contracts.Tests;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("7d", 7 * 24 * 3600)]
    [InlineData("36h", 36 * 3600)]
    [InlineData("90m", 90 * 60)]
    [InlineData("45s", 45)]
    [InlineData("1d12h", 36 * 3600)]
    [InlineData("1h30m15s", 5415)]
    [InlineData("604800", 604800)]
    [InlineData("999999d", 999999L * 24 * 3600)]
    public void TryParse_DaysHoursMinutesSecondsOrPlainSeconds(string text, long seconds)
    {
        Assert.True(Durations.TryParse(text, out var value));

        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("0d")]
    [InlineData("soon")]
    [InlineData("d")]
    [InlineData("7w")]
    [InlineData("7d ")]
    [InlineData("-1d")]
    [InlineData("1000000d")]
    [InlineData("12h30")]
    [InlineData("99999999999")]
    public void TryParse_AnythingElse_IsFalse(string? text)
    {
        Assert.False(Durations.TryParse(text, out _));
    }
}
