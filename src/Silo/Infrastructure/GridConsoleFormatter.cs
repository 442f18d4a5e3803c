using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using ModelGrid.Grains.Telemetry;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>
/// The silo's default console format (<c>Logging:Console:FormatterName</c> = <c>grid</c>): what the silo tells its user
/// (<see cref="RunConsole"/>) as plain lines, every other entry as one log line with time, level, category and event
/// id (and, for an entry about a job, the job and its model), and its exception, if any, on the lines below. <c>json</c>, <c>simple</c> and <c>systemd</c> stay available.
/// </summary>
public sealed class GridConsoleFormatter(IOptionsMonitor<GridConsoleFormatterOptions> options, TimeProvider time) : ConsoleFormatter(FormatterName)
{
    /// <summary>The formatter's name in configuration.</summary>
    public const string FormatterName = "grid";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.Category == RunConsole.Category)
        {
            textWriter.Write(message);
            textWriter.Write('\n');
            return;
        }

        var settings = options.CurrentValue;
        if (!string.IsNullOrEmpty(settings.TimestampFormat))
        {
            var now = settings.UseUtcTimestamp ? time.GetUtcNow() : time.GetLocalNow();
            textWriter.Write(now.ToString(settings.TimestampFormat, CultureInfo.InvariantCulture));
        }

        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(logEntry.Category);
        textWriter.Write('[');
        textWriter.Write(logEntry.EventId.Id.ToString(CultureInfo.InvariantCulture));
        textWriter.Write("] ");
        textWriter.Write(message);
        WriteJobScope(scopeProvider, textWriter);
        textWriter.Write('\n');
        if (logEntry.Exception is { } exception)
        {
            textWriter.Write(exception.ToString());
            textWriter.Write('\n');
        }
    }

    /// <summary>An entry about a job ends with the job and its model, whatever its message names.</summary>
    private static void WriteJobScope(IExternalScopeProvider? scopeProvider, TextWriter textWriter) =>
        scopeProvider?.ForEachScope(
            static (scope, writer) =>
            {
                if (scope is JobLogScope job)
                {
                    writer.Write(" [");
                    writer.Write(job.ToString());
                    writer.Write(']');
                }
            },
            textWriter);

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
