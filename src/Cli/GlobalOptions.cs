using System.CommandLine;

namespace ModelGrid.Client.Cli;

/// <summary>Options every command takes.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Url { get; } = new("--url") { Description = "The hub's address (default: GRID_URL, then the saved login, then http://127.0.0.1:5180)", Recursive = true };

    public Option<string?> Token { get; } = new("--token") { Description = "A bearer token (default: GRID_TOKEN, then the saved login)", Recursive = true };

    public Option<bool> Json { get; } = new("--json") { Description = "Print the result as JSON", Recursive = true };

    public Option<bool> Wide { get; } = new("--wide") { Description = "Print every column of a table, however wide (default: the headline columns, within 100 columns)", Recursive = true };
}
