using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ModelGrid.FunctionalTests.Processes;
using ModelGrid.Storage.GrainStorage;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Cli;

/// <summary>File names in any script travel through push, Kestrel's headers and pull intact; unpullable versions say so.</summary>
public sealed class FileNamesCliTests(SiloFixture silo) : IClassFixture<SiloFixture>
{
    private static readonly string[] Names =
    [
        "модель/веса.bin",
        "模型/权重.safetensors",
        "نموذج.bin",
        "मॉडल.onnx",
        "🤖 robot weights.bin",
        "with spaces, semicolons; and it's.json",
        "plain.bin",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Download_NamesInManyScripts_GetHeadAndRangeCarryTheNameInContentDisposition()
    {
        var (cli, owner) = await PublisherAsync();
        var folder = ModelFolder(Names);
        var push = await cli.RunAsync("push", folder, $"{owner}/scripts", "--create");
        Assert.True(push.ExitCode == 0, push.ToString());
        using var http = new HttpClient { BaseAddress = silo.Silo.Url };

        foreach (var name in Names)
        {
            var url = new Uri($"api/v1/models/{owner}/scripts/versions/1/files/{string.Join('/', name.Split('/').Select(Uri.EscapeDataString))}", UriKind.Relative);
            var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, name), Ct);
            using var get = await http.GetAsync(url, Ct);
            using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), Ct);
            using var rangeRequest = new HttpRequestMessage(HttpMethod.Get, url);
            rangeRequest.Headers.Range = new RangeHeaderValue(10, 19);
            using var range = await http.SendAsync(rangeRequest, Ct);

            Assert.True(get.StatusCode == HttpStatusCode.OK, $"{name}: {(int)get.StatusCode}");
            Assert.Equal(bytes, await get.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
            Assert.Equal(bytes[10..20], await range.Content.ReadAsByteArrayAsync(Ct));
            foreach (var response in new[] { get, head, range })
            {
                var disposition = response.Content.Headers.ContentDisposition!;
                Assert.Equal("attachment", disposition.DispositionType);
                Assert.Equal(Path.GetFileName(name), disposition.FileNameStar ?? disposition.FileName?.Trim('"'));
            }
        }
    }

    [Fact]
    public async Task Pull_NamesInManyScripts_WritesEachNameAndLeavesNoPartial()
    {
        var (cli, owner) = await PublisherAsync();
        var folder = ModelFolder(Names);
        Assert.Equal(0, (await cli.RunAsync("push", folder, $"{owner}/pulled", "--create")).ExitCode);
        var output = TestPaths.NewTempFolder("pulled-names");

        var pull = await cli.RunAsync("pull", $"{owner}/pulled", output, "--json");

        Assert.True(pull.ExitCode == 0, pull.ToString());
        Assert.Equal(Names.Order(StringComparer.Ordinal), pull.Json.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!));
        foreach (var name in Names)
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder, name), Ct), await File.ReadAllBytesAsync(Path.Combine(output, name), Ct));
        }

        Assert.Equal(Names.Length, Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public async Task Pull_VersionPublishedBeforeThePathRules_FailsInOneLineAndWritesNothing()
    {
        var data = TestPaths.NewTempFolder("legacy-paths");
        string owner;
        await using (var first = await SiloProcess.StartAsync(data, new Dictionary<string, string?> { ["Grid__Demo__Enabled"] = "false" }))
        {
            var (cli, publisher) = await PublisherAsync(first.Url, Path.Combine(data, "admin-token"));
            owner = publisher;
            Assert.Equal(0, (await cli.RunAsync("push", ModelFolder(["a"]), $"{owner}/legacy", "--create")).ExitCode);
            await first.StopAsync();
        }

        // Data written before the rule: the published version also holds a file inside a folder named like its file.
        var record = Path.Combine(data, StateRecordNames.For("version", "version", $"{owner}/legacy@1"));
        var state = JsonNode.Parse(await File.ReadAllTextAsync(record, Ct))!.AsObject();
        var files = state.First(p => string.Equals(p.Key, "files", StringComparison.OrdinalIgnoreCase)).Value!.AsArray();
        var nested = files[0]!.DeepClone().AsObject();
        nested[nested.First(p => string.Equals(p.Key, "path", StringComparison.OrdinalIgnoreCase)).Key] = "a/b";
        files.Add(nested);
        await File.WriteAllTextAsync(record, state.ToJsonString(), Ct);

        await using var second = await SiloProcess.StartAsync(data, new Dictionary<string, string?> { ["Grid__Demo__Enabled"] = "false" });
        var output = TestPaths.NewTempFolder("legacy-out");
        var pull = await new GridCliRunner(second.Url).RunAsync("pull", $"{owner}/legacy", output);

        Assert.Equal(1, pull.ExitCode);
        Assert.Equal(
            $"error: {owner}/legacy@1 cannot be pulled into a folder: 'a' is a file, but 'a/b' needs a folder of that name (the version was published before the hub refused such paths)",
            pull.Stderr.Trim());
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    private Task<(GridCliRunner Cli, string Owner)> PublisherAsync() => PublisherAsync(silo.Silo.Url, silo.AdminTokenFile);

    private static async Task<(GridCliRunner Cli, string Owner)> PublisherAsync(Uri hub, string adminTokenFile)
    {
        var admin = new GridCliRunner(hub, (await File.ReadAllTextAsync(adminTokenFile, Ct)).Trim());
        var owner = $"n{Guid.NewGuid():N}"[..12];
        var token = await admin.RunAsync("token", "create", "--owner", owner, "--scopes", "read,publish");
        Assert.True(token.ExitCode == 0, token.ToString());
        return (new GridCliRunner(hub, token.Stdout.Trim()), owner);
    }

    private static string ModelFolder(IEnumerable<string> names)
    {
        var folder = TestPaths.NewTempFolder("names");
        foreach (var name in names)
        {
            var full = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, RandomNumberGenerator.GetBytes(1000 + name.Length));
        }

        return folder;
    }
}
