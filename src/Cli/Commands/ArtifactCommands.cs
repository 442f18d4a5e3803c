using System.CommandLine;
using System.Globalization;
using ModelGrid.Api;
using ModelGrid.Client.Transfer;
using ModelGrid.Evaluation.Reporting;

namespace ModelGrid.Client.Cli.Commands;

/// <summary><c>grid artifacts list|fetch|import</c>: the declared third-party files and the hub's store of them.</summary>
public static class ArtifactCommands
{
    public static Command Build(CliHost host) => CliHost.Group("artifacts", "Show and fill the hub's store of declared third-party artifacts", List(host), Fetch(host), Import(host));

    private static Command List(CliHost host) =>
        host.Command("list", "List the declared artifacts and whether the hub holds them", _ => { }, async (parse, cli, ct) =>
        {
            var artifacts = await cli.Client.ListArtifactsAsync(ct);
            if (cli.Json)
            {
                cli.WriteJson(artifacts);
                return ExitCodes.Success;
            }

            // The pinned sources are long addresses that cannot wrap; they are in --wide and --json.
            var table = cli.Wide
                ? new TextTable(new("artifact"), TextColumn.Number("bytes"), new("sha256"), TextColumn.Text("licence"), new("stored"), TextColumn.Text("source"))
                : new TextTable(new("artifact"), TextColumn.Number("bytes"), new("sha256"), TextColumn.Text("licence"), new("stored"));
            foreach (var a in artifacts)
            {
                var size = a.Size.ToString("N0", CultureInfo.InvariantCulture);
                var stored = a.Stored ? "yes" : "no";
                if (cli.Wide)
                {
                    table.AddRow(TerminalText.Safe(a.Name), size, TerminalText.Safe(a.Sha256), TerminalText.Safe(a.License), stored, TerminalText.Safe(a.DerivedFrom is null ? a.Source : $"{a.Source} (derived from {a.DerivedFrom})"));
                }
                else
                {
                    table.AddRow(TerminalText.Safe(a.Name), size, TerminalText.Safe(a.Sha256[..12]), TerminalText.Safe(a.License), stored);
                }
            }

            cli.Write(table);
            return ExitCodes.Success;
        });

    private static Command Fetch(CliHost host)
    {
        var names = new Argument<string[]>("artifact") { Description = "Artifact names (default: all)", Arity = ArgumentArity.ZeroOrMore };
        return host.Command("fetch", "Have the hub resolve artifacts into its store: from a mirror, else their pinned source (admin)", c => c.Arguments.Add(names), async (parse, cli, ct) =>
        {
            var wanted = parse.GetValue(names) is { Length: > 0 } given ? given : [.. (await cli.Client.ListArtifactsAsync(ct)).Select(a => a.Name)];
            var results = new List<ArtifactFetched>();
            foreach (var name in wanted)
            {
                var fetched = await cli.Client.FetchArtifactAsync(name, ct);
                results.Add(fetched);
                if (!cli.Json)
                {
                    cli.WriteLine($"{fetched.Name}: {fetched.Provenance}{(fetched.From is null ? string.Empty : $" ({fetched.From})")}");
                }
            }

            if (cli.Json)
            {
                cli.WriteJson(results);
            }

            return ExitCodes.Success;
        });
    }

    private static Command Import(CliHost host)
    {
        var folder = new Argument<string>("folder") { Description = "A folder holding artifact files (searched a few levels deep, by name)" };
        return host.Command("import", "Verify artifact files from a local folder and send them to the hub's store (admin)", c => c.Arguments.Add(folder), async (parse, cli, ct) =>
        {
            var root = parse.GetValue(folder)!;
            if (!Directory.Exists(root))
            {
                throw new CliException($"'{root}' is not a folder");
            }

            var artifacts = await cli.Client.ListArtifactsAsync(ct);
            var results = new List<object>();
            var search = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 4, MatchCasing = MatchCasing.CaseSensitive };
            foreach (var artifact in artifacts)
            {
                foreach (var path in Directory.EnumerateFiles(root, artifact.Name, search))
                {
                    var status = await ImportOneAsync(cli, artifact, path, ct);
                    results.Add(new { artifact = artifact.Name, file = path, status });
                    if (!cli.Json)
                    {
                        cli.WriteLine($"{artifact.Name}: {status} ({path})");
                    }

                    if (status is "imported" or "stored already")
                    {
                        break;
                    }
                }
            }

            if (cli.Json)
            {
                cli.WriteJson(results);
            }
            else if (results.Count == 0)
            {
                cli.WriteLine($"no declared artifact found in {Path.GetFullPath(root)}");
            }

            return ExitCodes.Success;
        });
    }

    private static async Task<string> ImportOneAsync(CliContext cli, ArtifactView artifact, string path, CancellationToken ct)
    {
        if (artifact.Stored)
        {
            return "stored already";
        }

        var size = new FileInfo(path).Length;
        if (size != artifact.Size)
        {
            return $"skipped: {size} bytes, declared {artifact.Size}";
        }

        var digest = await FileHasher.HashAsync(path, null, ct);
        if (digest != artifact.Sha256)
        {
            return $"skipped: sha256 {digest[..12]}…, declared {artifact.Sha256[..12]}…";
        }

        await using var stream = File.OpenRead(path);
        await cli.Client.ImportArtifactAsync(artifact.Name, stream, size, null, ct);
        return "imported";
    }
}
