using System.CommandLine;
using System.Globalization;
using ModelGrid.Api;
using ModelGrid.Auth;
using ModelGrid.Client.Transfer;
using ModelGrid.Evaluation.Reporting;

namespace ModelGrid.Client.Cli.Commands;

/// <summary><c>grid token create|list|revoke</c>.</summary>
public static class TokenCommands
{
    public static Command Build(CliHost host) => CliHost.Group("token", "Create, list and revoke bearer tokens", Create(host), List(host), Revoke(host));

    private static Command Create(CliHost host)
    {
        var owner = new Option<string>("--owner") { Description = "The namespace the token belongs to (created if new)", Required = true };
        var scopes = new Option<string>("--scopes") { Description = "Comma-separated: read, publish, admin, evaluate", DefaultValueFactory = _ => "read" };
        var description = new Option<string?>("--description") { Description = "A note for whoever lists tokens" };
        var expires = new Option<DateTimeOffset?>("--expires") { Description = "When the token stops working (ISO 8601)" };
        return host.Command("create", "Create a token for an owner (admin only); the secret is shown once", c =>
        {
            c.Options.Add(owner);
            c.Options.Add(scopes);
            c.Options.Add(description);
            c.Options.Add(expires);
        }, async (parse, cli, ct) =>
        {
            if (!ScopeNames.TryParse(parse.GetValue(scopes), out var parsed, out var error))
            {
                throw new CliException(error);
            }

            var created = await cli.Client.CreateTokenAsync(new CreateTokenRequest(parse.GetValue(owner)!, ScopeNames.ToNames(parsed), parse.GetValue(description), parse.GetValue(expires)), ct);
            if (cli.Json)
            {
                cli.WriteJson(created);
            }
            else
            {
                cli.WriteLine(created.Token);
                cli.Error.WriteLine($"token {created.Info.Id} for {created.Info.Owner} ({string.Join(", ", created.Info.Scopes)}); the secret above is shown only now");
            }

            return ExitCodes.Success;
        });
    }

    private static Command List(CliHost host)
    {
        var owner = new Option<string?>("--owner") { Description = "Only this owner's tokens" };
        return host.Command("list", "List tokens (all for an admin, else the caller's owner's)", c => c.Options.Add(owner), async (parse, cli, ct) =>
        {
            var tokens = await cli.Client.ListTokensAsync(parse.GetValue(owner), ct);
            if (cli.Json)
            {
                cli.WriteJson(tokens);
                return ExitCodes.Success;
            }

            var table = cli.Wide
                ? new TextTable(new("id"), new("owner"), new("scopes"), new("created"), TextColumn.Text("by"), new("expires"), new("revoked"), TextColumn.Text("description"))
                : new TextTable(new("id"), new("owner"), new("scopes"), new("expires"), new("revoked"), TextColumn.Text("description"));
            foreach (var t in tokens)
            {
                var expires = t.ExpiresAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-";
                var revoked = t.RevokedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-";
                var description = TerminalText.Safe(t.Description ?? string.Empty);
                if (cli.Wide)
                {
                    table.AddRow(TerminalText.Safe(t.Id), TerminalText.Safe(t.Owner), TerminalText.Safe(string.Join(",", t.Scopes)), t.CreatedAt.ToString("u", CultureInfo.InvariantCulture), TerminalText.Safe(t.CreatedBy), expires, revoked, description);
                }
                else
                {
                    table.AddRow(TerminalText.Safe(t.Id), TerminalText.Safe(t.Owner), TerminalText.Safe(string.Join(",", t.Scopes)), expires, revoked, description);
                }
            }

            cli.Write(table);
            return ExitCodes.Success;
        });
    }

    private static Command Revoke(CliHost host)
    {
        var id = new Argument<string>("id") { Description = "The token's id" };
        return host.Command("revoke", "Revoke a token", c => c.Arguments.Add(id), async (parse, cli, ct) =>
        {
            var revoked = await cli.Client.RevokeTokenAsync(parse.GetValue(id)!, ct);
            if (cli.Json)
            {
                cli.WriteJson(revoked);
            }
            else
            {
                cli.WriteLine($"revoked token {revoked.Id} of {revoked.Owner}");
            }

            return ExitCodes.Success;
        });
    }
}
