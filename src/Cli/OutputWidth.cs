using System.Globalization;
using ModelGrid.Evaluation.Reporting;

namespace ModelGrid.Client.Cli;

/// <summary>
/// How wide the CLI's text may be: <c>COLUMNS</c> when it is set, else a terminal's width, else — for a terminal that
/// does not say — <see cref="TextTable.DefaultWidth"/>. Output redirected to a pipe or a file without <c>COLUMNS</c> is
/// not wrapped at all, so nothing is broken to a width nobody asked for. Tables wrap only free text, and only at
/// spaces, whatever the width.
/// </summary>
public static class OutputWidth
{
    /// <summary>The width to lay output out for.</summary>
    /// <param name="terminal">Whether standard output is a terminal.</param>
    /// <param name="terminalWidth">The terminal's width in columns (0 or less when unknown).</param>
    /// <param name="columns">The <c>COLUMNS</c> environment variable; a positive whole number counts, anything else is ignored.</param>
    public static int Resolve(bool terminal, int terminalWidth, string? columns)
    {
        if (int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out var set) && set > 0)
        {
            return set;
        }

        if (!terminal)
        {
            return int.MaxValue;
        }

        return terminalWidth > 0 ? terminalWidth : TextTable.DefaultWidth;
    }

    /// <summary>The width for <paramref name="output"/>: this process's standard output is measured; any other writer is not a terminal.</summary>
    public static int Of(TextWriter output)
    {
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        return Resolve(terminal, terminal ? TerminalWidth() : 0, Environment.GetEnvironmentVariable("COLUMNS"));
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
