using System.CommandLine;
using System.Text.Json;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.Client.Transfer;
using ModelGrid.Evaluation.Reporting;
using Spectre.Console;

namespace ModelGrid.Client.Cli;

/// <summary>What every command needs: the hub's address and token (option, environment, saved login), the output mode and consoles.</summary>
public sealed class CliContext
{
    public const string DefaultUrl = "http://127.0.0.1:5180";
    private static readonly JsonSerializerOptions PrettyJson = new(ApiJson.Options) { WriteIndented = true };
    private readonly Lazy<Hub> _hub;
    private GridClient? _client;

    private CliContext(Func<Hub> hub, bool json, bool wide, int width, IAnsiConsole console, TextWriter output, TextWriter error)
    {
        _hub = new Lazy<Hub>(hub);
        Json = json;
        Wide = wide;
        Width = width;
        Console = console;
        Output = json ? output : TerminalTextWriter.Wrap(output);
        Error = TerminalTextWriter.Wrap(error);
    }

    /// <summary>The hub: <c>--url</c>, else <c>GRID_URL</c>, else the saved login, else <see cref="DefaultUrl"/>. Read when first needed, so a command that needs no hub never fails on it.</summary>
    public Uri Url => _hub.Value.Url;

    /// <summary>The token: <c>--token</c>, else <c>GRID_TOKEN</c>, else the saved login's (for the hub it was saved for); null for none.</summary>
    public string? Token => _hub.Value.Token;

    /// <summary>Where <see cref="Token"/> came from: <c>--token</c>, <c>GRID_TOKEN</c> or <c>the saved login</c>; null for none.</summary>
    public string? TokenSource => _hub.Value.TokenSource;

    public bool Json { get; }

    /// <summary>Whether tables show every column (<c>--wide</c>) rather than the headline ones.</summary>
    public bool Wide { get; }

    /// <summary>How wide output may be (<see cref="OutputWidth"/>): tables wrap their free text to it.</summary>
    public int Width { get; }

    /// <summary>The width reports and comparisons are laid out for: <see cref="Width"/>, at most 100 columns.</summary>
    public int LayoutWidth => Math.Min(Width, TextTable.DefaultWidth);

    /// <summary>The console for prompts and live progress; tables go through <see cref="Write(TextTable)"/>.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Standard output: as it is for <c>--json</c>, else through <see cref="TerminalTextWriter"/>.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error, through <see cref="TerminalTextWriter"/>.</summary>
    public TextWriter Error { get; }

    /// <summary>The hub's client; requests that are safe to repeat ride out a hub away for a moment, with a note on standard error.</summary>
    public GridClient Client => _client ??= GridClient.Create(Url, Token, TransientRetryPolicy.Default with { OnRetry = note => Error.WriteLine(note) });

    public static CliContext From(ParseResult parse, GlobalOptions global, TextWriter output, TextWriter error)
    {
        var json = parse.GetValue(global.Json);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        return new CliContext(() => ResolveHub(parse, global), json, parse.GetValue(global.Wide), OutputWidth.Of(output), console, output, error);
    }

    private static Hub ResolveHub(ParseResult parse, GlobalOptions global)
    {
        // An empty value counts as unset, as a shell's `GRID_URL=` or `export GRID_TOKEN=` means "none".
        var settings = CliSettings.Load();
        var urlText = Given(parse.GetValue(global.Url)) ?? Given(Environment.GetEnvironmentVariable("GRID_URL")) ?? Given(settings.Url) ?? DefaultUrl;
        if (!Uri.TryCreate(urlText.EndsWith('/') ? urlText : urlText + "/", UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new CliException($"'{urlText}' is not an http(s) address of a hub");
        }

        if (Given(parse.GetValue(global.Token)) is { } option)
        {
            return new Hub(url, option, "--token");
        }

        if (Given(Environment.GetEnvironmentVariable("GRID_TOKEN")) is { } variable)
        {
            return new Hub(url, variable, "GRID_TOKEN");
        }

        // A saved token goes only to the hub it was saved for.
        return Given(settings.Token) is { } saved && SameHub(settings.Url, url)
            ? new Hub(url, saved, "the saved login")
            : new Hub(url, null, null);
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Whether progress is drawn live: a terminal, and not <c>--json</c>.</summary>
    public bool ShowsProgress => !Json && Console.Profile.Capabilities.Interactive && !System.Console.IsOutputRedirected;

    public void WriteJson(object value) => Output.WriteLine(JsonSerializer.Serialize(value, value.GetType(), PrettyJson));

    public void WriteLine(string text) => Output.WriteLine(text);

    /// <summary>
    /// Writes a table through <see cref="Output"/>, its free text wrapped to <see cref="Width"/> and nothing else: a
    /// digest, an address or a figure is never split.
    /// </summary>
    public void Write(TextTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        Output.Write(table.Render(Width));
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

    private sealed record Hub(Uri Url, string? Token, string? TokenSource);

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
