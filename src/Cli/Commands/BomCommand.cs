using System.CommandLine;
using System.Globalization;
using System.Text;
using ModelGrid.Client.Transfer;

namespace ModelGrid.Client.Cli.Commands;

/// <summary><c>grid bom owner/name[@ref] [-o file]</c>: a version's AI bill of materials (CycloneDX 1.6 JSON).</summary>
public static class BomCommand
{
    public static Command Build(CliHost host)
    {
        var model = new Argument<string>("model") { Description = "owner/name[@ref] (default: latest)" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the BOM to this file instead of standard output" };
        return host.Command("bom", "Export a version's AI bill of materials (CycloneDX 1.6 JSON)", c =>
        {
            c.Arguments.Add(model);
            c.Options.Add(output);
        }, async (parse, cli, ct) =>
        {
            var (id, reference) = ModelRefArgument.ParseModelRef(parse.GetValue(model)!);
            var bom = await cli.Client.GetBomAsync(id, reference, ct);
            if (parse.GetValue(output) is not { } file)
            {
                await cli.Output.WriteAsync(Encoding.UTF8.GetString(bom));
                return ExitCodes.Success;
            }

            await WriteAsync(file, bom, ct);
            if (cli.Json)
            {
                cli.WriteJson(new { model = id, reference, file = Path.GetFullPath(file), bytes = bom.Length });
            }
            else
            {
                cli.WriteLine($"wrote {TerminalText.Safe(file)}: the bill of materials of {id}@{TerminalText.Safe(reference)} ({bom.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes, CycloneDX 1.6)");
            }

            return ExitCodes.Success;
        });
    }

    /// <summary>Writes beside the target and moves over it, so the file is the old one or the whole new one.</summary>
    private static async Task WriteAsync(string file, byte[] bom, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(file);
        if (Directory.Exists(full))
        {
            throw new CliException($"'{file}' is a folder; name the file to write");
        }

        var staging = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        try
        {
            await File.WriteAllBytesAsync(staging, bom, cancellationToken);
            File.Move(staging, full, overwrite: true);
        }
        finally
        {
            File.Delete(staging);
        }
    }
}
