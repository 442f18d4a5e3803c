using System.CommandLine;
using ModelGrid.Client.Http;
using ModelGrid.Client.Transfer;
using Spectre.Console;

namespace ModelGrid.Client.Cli.Commands;

/// <summary><c>grid login</c>: checks a token against the hub and saves both for later commands.</summary>
public static class LoginCommand
{
    public static Command Build(CliHost host)
    {
        var tokenFile = new Option<FileInfo?>("--token-file") { Description = "Read the token from this file (e.g. the hub's admin-token)" };
        return host.Command("login", "Check a token with the hub and remember the hub and token", c => c.Options.Add(tokenFile), async (parse, cli, ct) =>
        {
            var token = parse.GetValue(host.Global.Token)
                ?? (parse.GetValue(tokenFile) is { } file ? ReadTokenFile(file) : null)
                ?? ReadFromInput(cli);
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new CliException("no token given: use --token, --token-file, or type it when asked");
            }

            var client = GridClient.Create(cli.Url, token.Trim());
            var who = await client.WhoAmIAsync(ct);
            new CliSettings(cli.Url.ToString().TrimEnd('/'), token.Trim()).Save();
            if (cli.Json)
            {
                cli.WriteJson(new { url = cli.Url, who.Subject, who.Owner, who.Scopes, settings = CliSettings.FilePath });
            }
            else
            {
                cli.WriteLine($"logged in to {cli.Url} as {who.Owner ?? who.Subject} (scopes: {string.Join(", ", who.Scopes)}); saved in {CliSettings.FilePath}");
            }

            return ExitCodes.Success;
        });
    }

    private static string ReadTokenFile(FileInfo file) =>
        file.Exists ? File.ReadAllText(file.FullName).Trim() : throw new CliException($"the token file '{file.FullName}' does not exist");

    private static string? ReadFromInput(CliContext cli)
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        return cli.Console.Prompt(new TextPrompt<string>("Token:").Secret());
    }
}
