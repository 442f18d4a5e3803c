using System.Text.RegularExpressions;
using ModelGrid.FunctionalTests.Processes;

namespace ModelGrid.FunctionalTests.Cli;

/// <summary><c>grid admin check [--quarantine]</c> against a real silo whose data folder holds a damaged model record.</summary>
public sealed class AdminCliTests(DamagedStateSiloFixture fixture) : IClassFixture<DamagedStateSiloFixture>
{
    [Fact]
    public async Task AdminCheck_ReportsTheDamagedRecord_QuarantineMovesItAndKeepsItsBytes()
    {
        var token = (await File.ReadAllTextAsync(Path.Combine(fixture.DataPath, "admin-token"), TestContext.Current.CancellationToken)).Trim();
        var cli = new GridCliRunner(fixture.Silo.Url, token);
        var store = $"folder {Path.Combine(fixture.DataPath, "state")}";

        var anonymous = await new GridCliRunner(fixture.Silo.Url).RunAsync("admin", "check");
        var check = await cli.RunAsync("admin", "check");
        var json = await cli.RunAsync("admin", "check", "--json");
        var moved = await cli.RunAsync("admin", "check", "--quarantine");
        var after = await cli.RunAsync("admin", "check");

        Assert.Equal(4, anonymous.ExitCode);
        Assert.Equal("error: Authentication required: this call needs a token with the admin scope\n", anonymous.Stderr);
        Assert.True(check.ExitCode == 11, check.ToString());
        Assert.Equal(
            $"checked 2 state records in {store}: 1 damaged\n"
            + $"{fixture.DamagedRecord} ends before its JSON is complete (truncated after 20 bytes)\n"
            + "their grains fail until the records are repaired; 'grid admin check --quarantine' moves them aside\n",
            check.Stdout);
        Assert.Equal(11, json.ExitCode);
        var reported = Assert.Single(json.Json.GetProperty("damaged").EnumerateArray());
        Assert.Equal(fixture.DamagedRecord, reported.GetProperty("record").GetString());
        Assert.Equal(20, reported.GetProperty("length").GetInt64());
        Assert.True(moved.ExitCode == 0, moved.ToString());
        var target = Regex.Match(moved.Stdout, @"^  moved to (quarantine/\d{8}T\d{6}Z/model-model/ghost%2Fbroken\.json)$", RegexOptions.Multiline);
        Assert.True(target.Success, moved.Stdout);
        Assert.Equal(DamagedStateSiloFixture.Damaged, await File.ReadAllBytesAsync(Path.Combine(fixture.DataPath, target.Groups[1].Value), TestContext.Current.CancellationToken));
        Assert.False(File.Exists(Path.Combine(fixture.DataPath, fixture.DamagedRecord)));
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Equal($"checked 1 state records in {store}: none damaged\n", after.Stdout);
    }
}
