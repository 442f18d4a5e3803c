using System.CommandLine;
using System.Net.Sockets;
using ModelGrid.Client.Cli.Commands;
using ModelGrid.Client.Http;
using ModelGrid.Client.Transfer;

namespace ModelGrid.Client.Cli;

/// <summary>The <c>grid</c> command line: parses, runs, and turns every failure into one line and an exit code.</summary>
public static class GridCli
{
    /// <summary>What an interrupted command prints, alone, on stderr.</summary>
    public const string InterruptedLine = "interrupted; run the same command again to continue where it stopped";

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        // Error lines carry the hub's ProblemDetails text, which must not reach the terminal as control sequences.
        error = TerminalTextWriter.Wrap(error);
        var global = new GlobalOptions();
        var host = new CliHost(global, output, error);
        var root = new RootCommand("grid: publish, version, download and evaluate open models on a ModelGrid hub")
        {
            global.Url,
            global.Token,
            global.Json,
            global.Wide,
        };
        foreach (var command in new[]
        {
            LoginCommand.Build(host),
            WhoAmICommand.Build(host),
            TokenCommands.Build(host),
            ModelCommands.Build(host),
            VersionCommands.Build(host),
            PushCommand.Build(host),
            PullCommand.Build(host),
            CardCommands.Build(host),
            BomCommand.Build(host),
            OpennessCommands.Build(host),
            AliasCommands.Build(host),
            ArtifactCommands.Build(host),
            EvaluationCommands.Build(host),
            CompareCommand.Build(host),
            AdminCommands.Build(host),
        })
        {
            root.Subcommands.Add(command);
        }

        if (args.Length == 0)
        {
            args = ["--help"];
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line: an unknown word explains itself better than the "missing command" it causes.
            var first = parse.Errors.FirstOrDefault(e => parse.UnmatchedTokens.Any(t => e.Message.Contains(t, StringComparison.Ordinal))) ?? parse.Errors[0];
            await error.WriteLineAsync($"error: {first.Message.TrimEnd('.')} (see 'grid --help')");
            return ExitCodes.Usage;
        }

        // One handler for Ctrl+C, ours: System.CommandLine's own would cancel a token of its own and leave the
        // command's exception unhandled.
        using var interruption = new Interruption();
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null, Output = output, Error = error }, interruption.Token);
        }
        catch (Exception) when (interruption.Requested)
        {
            // However the cancellation surfaced (a cancelled read, a connection torn down under a request), the
            // command stopped because it was asked to.
            await error.WriteLineAsync(InterruptedLine);
            return ExitCodes.Interrupted;
        }
        catch (GridApiException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.ForStatus(e.Status);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException || e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            await error.WriteLineAsync($"error: cannot reach the hub: {e.Message}");
            return ExitCodes.Unreachable;
        }
        catch (HttpRequestException e)
        {
            await error.WriteLineAsync($"error: the connection to the hub failed: {e.Message}");
            return ExitCodes.Unreachable;
        }
        catch (CliException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (VerificationException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.VerificationFailed;
        }
        catch (IOException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (UnauthorizedAccessException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
