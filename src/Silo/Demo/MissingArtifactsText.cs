using System.Globalization;
using System.Text;
using ModelGrid.Storage.Artifacts;

namespace ModelGrid.Silo.Demo;

/// <summary>
/// The part of the demo's summary that names each artifact the silo could not get, once, and the two ways to provide
/// it: a mirror folder, or the pinned source (online) or an import. Re-submitting cannot help, so it is not offered; nor
/// is downloading for a mirror-only artifact, which no public address serves.
/// </summary>
public static class MissingArtifactsText
{
    /// <summary>The text, several lines each ending in a newline; empty when nothing is missing.</summary>
    public static string Render(IReadOnlyList<MissingArtifact> missing, ArtifactOptions options)
    {
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(options);
        if (missing.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        var them = missing.Count == 1 ? "it" : "them";
        var sourced = missing.Count(m => m.Artifact.DownloadSource is not null);
        text.Append(CultureInfo.InvariantCulture, $"The demo could not get {Count(missing.Count)} it needs: {Why(options, them, sourced == 0)}.\n");
        var nameWidth = missing.Max(m => m.Artifact.Name.Length);
        var sizes = missing.Select(m => m.Artifact.Size.ToString("N0", CultureInfo.InvariantCulture) + " bytes").ToList();
        var sizeWidth = sizes.Max(s => s.Length);
        for (var i = 0; i < missing.Count; i++)
        {
            var artifact = missing[i].Artifact;
            var original = artifact.DerivedFrom is { } origin
                ? $"; a folder may hold its original {origin.Name} instead"
                : artifact.MirrorOnly is not null ? "; mirror only: no public source" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"  {artifact.Name.PadRight(nameWidth)}  {sizes[i].PadLeft(sizeWidth)}  for {missing[i].NeededFor}{original}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Provide {them} in one of two ways, then start the silo again; the demo runs what could not run:\n");
        text.Append(CultureInfo.InvariantCulture, $"  - a folder that holds {them} (searched a few levels deep; size and SHA-256 are verified):\n");
        text.Append("      Grid__Artifacts__Mirrors__0=/path/to/folder dotnet run --project src/Silo -c Release\n");
        if (sourced == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - while the silo runs, import {them} with the admin token: ./grid artifacts import <folder>\n");
            return text.ToString();
        }

        var downloaded = sourced == missing.Count ? them : sourced == 1 ? "the one not mirror only" : "those not mirror only";
        text.Append(options.Offline
            ? $"  - online: without Grid__Artifacts__Offline=true the silo downloads {downloaded} from {Sources(sourced)} (./grid artifacts list);\n"
            : $"  - online: once this machine reaches {Sources(sourced)} (./grid artifacts list), the silo downloads {downloaded};\n");
        text.Append(CultureInfo.InvariantCulture, $"    or, while the silo runs, import {them} with the admin token: ./grid artifacts import <folder>\n");
        return text.ToString();
    }

    private static string Count(int count) => count == 1 ? "1 artifact" : $"{count.ToString(CultureInfo.InvariantCulture)} artifacts";

    private static string Sources(int count) => count == 1 ? "its pinned source" : "their pinned sources";

    private static string Why(ArtifactOptions options, string them, bool mirrorOnly)
    {
        var download = mirrorOnly
            ? $"no public source serves {them}"
            : options.Offline
                ? "downloading is off (Grid__Artifacts__Offline=true)"
                : $"downloading {them} failed";
        var mirrors = options.Mirrors.Count == 0
            ? "no mirror folder is set (Grid__Artifacts__Mirrors__0)"
            : $"the mirror folders ({string.Join(", ", options.Mirrors)}) do not hold {them}";
        return $"{download} and {mirrors}";
    }
}
