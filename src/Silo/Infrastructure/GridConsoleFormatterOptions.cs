using Microsoft.Extensions.Logging.Console;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>
/// The options of <see cref="GridConsoleFormatter"/>, bound from <c>Logging:Console:FormatterOptions</c>. The time of
/// day is its own default rather than the section's, so the JSON format (same section) keeps its ISO timestamps off
/// unless asked for.
/// </summary>
public sealed class GridConsoleFormatterOptions : ConsoleFormatterOptions
{
    public GridConsoleFormatterOptions() => TimestampFormat = "HH:mm:ss ";
}
