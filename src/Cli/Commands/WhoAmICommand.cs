using System.CommandLine;
using System.Globalization;
using ModelGrid.Api;
using ModelGrid.Auth;

namespace ModelGrid.Client.Cli.Commands;

/// <summary><c>grid whoami</c>: who the hub takes the caller to be, by the token this command would send.</summary>
public static class WhoAmICommand
{
    public static Command Build(CliHost host) =>
        host.Command("whoami", "Show who the token is: owner, scopes, token id, expiry (or that there is none)", _ => { }, async (_, cli, ct) =>
        {
            var who = await cli.Client.WhoAmIAsync(ct);
            if (cli.Json)
            {
                cli.WriteJson(who);
            }
            else
            {
                cli.Output.Write(Describe(who, cli.Url, cli.TokenSource));
            }

            return ExitCodes.Success;
        });

    /// <summary>The text <c>grid whoami</c> prints.</summary>
    public static string Describe(WhoAmI who, Uri hub, string? tokenSource)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (who.Subject == Principal.Anonymous.Subject)
        {
            return $"anonymous: no token, so only public models can be read; give one with --token or GRID_TOKEN, or run 'grid login'\n  hub      {hub}\n";
        }

        var title = who.Owner is null ? $"{who.Subject}: the hub's bootstrap admin token" : $"token {who.Subject} of {who.Owner}";
        var expires = who.ExpiresAt?.ToString("u", CultureInfo.InvariantCulture) ?? "never";
        return $"{title}\n  scopes   {string.Join(", ", who.Scopes)}\n  expires  {expires}\n  from     {tokenSource ?? "-"}\n  hub      {hub}\n";
    }
}
