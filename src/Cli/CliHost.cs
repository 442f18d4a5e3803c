using System.CommandLine;

namespace ModelGrid.Client.Cli;

/// <summary>Builds commands whose actions get a <see cref="CliContext"/>.</summary>
public sealed class CliHost(GlobalOptions global, TextWriter output, TextWriter error)
{
    public GlobalOptions Global { get; } = global;

    public Command Command(string name, string description, Action<Command> configure, Func<ParseResult, CliContext, CancellationToken, Task<int>> action)
    {
        var command = new Command(name, description);
        configure(command);
        command.SetAction((parse, cancellationToken) => action(parse, CliContext.From(parse, Global, output, error), cancellationToken));
        return command;
    }

    public static Command Group(string name, string description, params Command[] children)
    {
        var group = new Command(name, description);
        foreach (var child in children)
        {
            group.Subcommands.Add(child);
        }

        return group;
    }
}
