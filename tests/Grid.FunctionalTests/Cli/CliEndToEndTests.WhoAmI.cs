using ModelGrid.FunctionalTests.Processes;

namespace ModelGrid.FunctionalTests.Cli;

public sealed partial class CliEndToEndTests
{
    [Fact]
    public async Task WhoAmI_NamesTheToken_AndAnonymousSaysItHasNone()
    {
        var admin = await AdminAsync();
        var created = await admin.RunAsync("token", "create", "--owner", "dora", "--scopes", "read,publish", "--expires", "2031-05-04T03:02:01Z", "--json");
        var id = created.Json.GetProperty("info").GetProperty("id").GetString()!;
        var dora = new GridCliRunner(silo.Silo.Url, created.Json.GetProperty("token").GetString());

        var text = await dora.RunAsync("whoami");
        var json = await dora.RunAsync("whoami", "--json");
        var anonymous = await new GridCliRunner(silo.Silo.Url).RunAsync("whoami");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Equal($"token {id} of dora\n  scopes   read, publish\n  expires  2031-05-04 03:02:01Z\n  from     GRID_TOKEN\n  hub      {silo.Silo.Url}\n", text.Stdout);
        Assert.Equal(id, json.Json.GetProperty("subject").GetString());
        Assert.Equal("dora", json.Json.GetProperty("owner").GetString());
        Assert.Equal(["read", "publish"], json.Json.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(new DateTimeOffset(2031, 5, 4, 3, 2, 1, TimeSpan.Zero), json.Json.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.True(anonymous.ExitCode == 0, anonymous.ToString());
        Assert.Equal($"anonymous: no token, so only public models can be read; give one with --token or GRID_TOKEN, or run 'grid login'\n  hub      {silo.Silo.Url}\n", anonymous.Stdout);
    }

    [Fact]
    public async Task EmptyGridUrlAndGridToken_CountAsUnset_SoTheSavedLoginIsUsed()
    {
        var admin = await AdminAsync();
        admin.Environment["GRID_URL"] = string.Empty;
        admin.Environment["GRID_TOKEN"] = string.Empty;

        var tokens = await admin.RunAsync("token", "list", "--json");
        admin.Environment["GRID_URL"] = silo.Silo.Url.ToString();
        var who = await admin.RunAsync("whoami");

        Assert.True(tokens.ExitCode == 0, tokens.ToString());
        Assert.True(who.ExitCode == 0, who.ToString());
        Assert.Equal($"admin: the hub's bootstrap admin token\n  scopes   read, publish, admin, evaluate\n  expires  never\n  from     the saved login\n  hub      {silo.Silo.Url}\n", who.Stdout);
    }
}
