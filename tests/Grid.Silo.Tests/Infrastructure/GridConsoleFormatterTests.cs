using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ModelGrid.Grains.Telemetry;
using ModelGrid.Silo.Infrastructure;

namespace ModelGrid.Silo.Tests.Infrastructure;

public sealed class GridConsoleFormatterTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 3, 1, 14, 5, 9, TimeSpan.Zero));

    [Fact]
    public void Write_RunConsoleEntry_PlainLine()
    {
        var text = Write(LogLevel.Information, RunConsole.Category, 3300, "ModelGrid is listening on http://127.0.0.1:5180 (Ctrl+C stops it)", null);

        Assert.Equal("ModelGrid is listening on http://127.0.0.1:5180 (Ctrl+C stops it)\n", text);
    }

    [Fact]
    public void Write_OtherEntry_OneLogLineWithTimeLevelCategoryAndEventId()
    {
        var text = Write(LogLevel.Warning, "ModelGrid.Silo.Infrastructure.StateCheckAtStart", 2302, "State check at start: 1 of 4 state records are damaged", null);

        Assert.Equal("14:05:09 warn: ModelGrid.Silo.Infrastructure.StateCheckAtStart[2302] State check at start: 1 of 4 state records are damaged\n", text);
    }

    [Fact]
    public void Write_Exception_FollowsOnItsOwnLines()
    {
        var text = Write(LogLevel.Error, "ModelGrid.Silo.Demo.DemoPublisher", 3006, "Evaluation demo failed", new InvalidOperationException("boom"));

        Assert.Equal("14:05:09 fail: ModelGrid.Silo.Demo.DemoPublisher[3006] Evaluation demo failed\nSystem.InvalidOperationException: boom\n", text);
    }

    [Fact]
    public void Write_EntryInAJobsScope_EndsWithTheJobAndItsModel()
    {
        var scopes = new LoggerExternalScopeProvider();
        using var request = scopes.Push("request 7");
        using var job = scopes.Push(new JobLogScope(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), "alice/model@3"));

        var text = Write(LogLevel.Information, "ModelGrid.Silo.Worker.WeightCache", 4201, "weight cache: fetched ab12 (10 bytes)", null, scopes);

        Assert.Equal("14:05:09 info: ModelGrid.Silo.Worker.WeightCache[4201] weight cache: fetched ab12 (10 bytes) [job 0f8fad5b-d9cb-469f-a165-70867728950e (alice/model@3)]\n", text);
    }

    [Fact]
    public void Write_EntryInOtherScopes_ShowsNone()
    {
        var scopes = new LoggerExternalScopeProvider();
        using var request = scopes.Push("request 7");

        var text = Write(LogLevel.Warning, "ModelGrid.Silo.Infrastructure.StateCheckAtStart", 2302, "State check at start: 1 of 4 state records are damaged", null, scopes);

        Assert.Equal("14:05:09 warn: ModelGrid.Silo.Infrastructure.StateCheckAtStart[2302] State check at start: 1 of 4 state records are damaged\n", text);
    }

    private static string Write(LogLevel level, string category, int eventId, string message, Exception? exception, IExternalScopeProvider? scopes = null)
    {
        var options = new GridConsoleFormatterOptions { UseUtcTimestamp = true };
        var formatter = new GridConsoleFormatter(new FixedOptions(options), Time);
        using var writer = new StringWriter();
        formatter.Write(new LogEntry<string>(level, category, new EventId(eventId), message, exception, (m, _) => m), scopes, writer);
        return writer.ToString();
    }

    private sealed class FixedOptions(GridConsoleFormatterOptions value) : IOptionsMonitor<GridConsoleFormatterOptions>
    {
        public GridConsoleFormatterOptions CurrentValue => value;

        public GridConsoleFormatterOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<GridConsoleFormatterOptions, string?> listener) => null;
    }
}
