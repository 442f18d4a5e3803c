using System.CommandLine;
using System.Text.Json;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.Client.Transfer;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ModelGrid.Client.Cli;

/// <summary>What every command needs: the hub's address and token (option, environment, saved login), the output mode and consoles.</summary>
public sealed class CliContext
{
    public const string DefaultUrl = "http://127.0.0.1:5180";
    private static readonly JsonSerializerOptions PrettyJson = new(ApiJson.Options) { WriteIndented = true };
    private GridClient? _client;

    private CliContext(Uri url, string? token, bool json, IAnsiConsole console, TextWriter output, TextWriter error)
    {
        Url = url;
        Token = token;
        Json = json;
        Console = console;
        Output = json ? output : TerminalTextWriter.Wrap(output);
        Error = TerminalTextWriter.Wrap(error);
    }

    public Uri Url { get; }

    public string? Token { get; }

    public bool Json { get; }

    /// <summary>The console for prompts and live progress; tables go through <see cref="Write(IRenderable)"/>.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Standard output: as it is for <c>--json</c>, else through <see cref="TerminalTextWriter"/>.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error, through <see cref="TerminalTextWriter"/>.</summary>
    public TextWriter Error { get; }

    public GridClient Client => _client ??= GridClient.Create(Url, Token);

    public static CliContext From(ParseResult parse, GlobalOptions global, TextWriter output, TextWriter error)
    {
        var settings = CliSettings.Load();
        var urlText = parse.GetValue(global.Url) ?? Environment.GetEnvironmentVariable("GRID_URL") ?? settings.Url ?? DefaultUrl;
        if (!Uri.TryCreate(urlText.EndsWith('/') ? urlText : urlText + "/", UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new CliException($"'{urlText}' is not an http(s) address of a hub");
        }

        // A saved token goes only to the hub it was saved for.
        var token = parse.GetValue(global.Token)
            ?? Environment.GetEnvironmentVariable("GRID_TOKEN")
            ?? (settings.Token is not null && SameHub(settings.Url, url) ? settings.Token : null);
        var json = parse.GetValue(global.Json);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        return new CliContext(url, token, json, console, output, error);
    }

    /// <summary>Whether progress is drawn live: a terminal, and not <c>--json</c>.</summary>
    public bool ShowsProgress => !Json && Console.Profile.Capabilities.Interactive && !System.Console.IsOutputRedirected;

    public void WriteJson(object value) => Output.WriteLine(JsonSerializer.Serialize(value, value.GetType(), PrettyJson));

    public void WriteLine(string text) => Output.WriteLine(text);

    /// <summary>
    /// Writes a table (or any renderable) as plain text through <see cref="Output"/>: laid out at the console's width,
    /// with no colour or cursor codes of its own, so the terminal text filter leaves it as drawn.
    /// </summary>
    public void Write(IRenderable renderable)
    {
        var plain = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Output),
        });
        plain.Profile.Width = Console.Profile.Width;
        plain.Write(renderable);
    }

    /// <summary>Runs <paramref name="work"/> with progress bars on a terminal, and quietly (notes to stderr) otherwise.</summary>
    public async Task<T> WithProgressAsync<T>(Func<ITransferProgress, Task<T>> work)
    {
        if (!ShowsProgress)
        {
            return await work(new NotesOnly(Json ? TextWriter.Null : Error));
        }

        T result = default!;
        await Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context => result = await work(new SpectreProgress(context, Console)));
        return result;
    }

    private static bool SameHub(string? saved, Uri url) =>
        saved is not null && Uri.TryCreate(saved.EndsWith('/') ? saved : saved + "/", UriKind.Absolute, out var s) && Uri.Compare(s, url, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private sealed class NotesOnly(TextWriter error) : ITransferProgress
    {
        public IProgress<long> Begin(string description, long totalBytes) => new Progress<long>();

        public void Note(string message) => error.WriteLine(message);
    }

    private sealed class SpectreProgress(ProgressContext context, IAnsiConsole console) : ITransferProgress
    {
        public IProgress<long> Begin(string description, long totalBytes)
        {
            var task = context.AddTask(TerminalText.Markup(description), maxValue: Math.Max(totalBytes, 1));
            if (totalBytes == 0)
            {
                task.Increment(1);
            }

            return new Increment(task);
        }

        public void Note(string message) => console.MarkupLine($"[grey]{TerminalText.Markup(message)}[/]");

        private sealed class Increment(ProgressTask task) : IProgress<long>
        {
            public void Report(long value) => task.Increment(value);
        }
    }
}
