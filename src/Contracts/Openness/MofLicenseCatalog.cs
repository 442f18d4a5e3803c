using System.Collections.Frozen;
using System.Text.Json;

namespace ModelGrid.Openness;

/// <summary>
/// Which licences MOT counts as open and which content types each suits, built from MOT's two licence lists (the SPDX
/// list, then MOT's own list, whose entries replace the SPDX ones of the same id) plus MOT's two fixed rules: a list of
/// open data licences and OpenMDW-1.0. Ids match exactly and case-sensitively: <c>apache-2.0</c> is not
/// <c>Apache-2.0</c>, and an SPDX expression is one opaque id.
/// </summary>
public sealed class MofLicenseCatalog
{
    /// <summary>The data licences MOT treats as open whatever the lists say.</summary>
    public static IReadOnlyList<string> OpenDataLicenses { get; } =
    [
        "CC0-1.0", "CC-BY-1.0", "CC-BY-2.0", "CC-BY-2.5", "CC-BY-2.5-AU", "CC-BY-3.0", "CC-BY-3.0-AT", "CC-BY-3.0-AU",
        "CC-BY-3.0-DE", "CC-BY-3.0-IGO", "CC-BY-3.0-NL", "CC-BY-3.0-US", "CC-BY-4.0", "CC-BY-SA-1.0", "CC-BY-SA-2.0",
        "CC-BY-SA-2.0-UK", "CC-BY-SA-2.1-JP", "CC-BY-SA-2.5", "CC-BY-SA-3.0", "CC-BY-SA-3.0-AT", "CC-BY-SA-4.0",
        "CDLA-Permissive-1.0", "CDLA-Permissive-2.0", "CDLA-Sharing-1.0", "ODC-PDDL-1.0", "ODC-By-1.0", "ODbL-1.0",
        "GFDL-1.3", "OGL-Canada-2.0", "OGL-UK-2.0", "OGL-UK-3.0",
    ];

    /// <summary>The licence MOT counts as open for every content type without any list saying so.</summary>
    public const string OpenMdw = "OpenMDW-1.0";

    private static readonly FrozenSet<string> OpenData = OpenDataLicenses.ToFrozenSet(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, Entry> _entries;

    private MofLicenseCatalog(FrozenDictionary<string, Entry> entries, string version)
    {
        _entries = entries;
        Version = version;
    }

    /// <summary>The two lists' versions (<c>licenseListVersion</c>), e.g. <c>d8abdb0+cca0be7</c>: results are only comparable under the same.</summary>
    public string Version { get; }

    /// <summary>How many licence ids the lists know.</summary>
    public int Count => _entries.Count;

    /// <summary>Every known id, in ordinal order.</summary>
    public IEnumerable<string> Ids => _entries.Keys.Order(StringComparer.Ordinal);

    /// <summary>Builds the catalogue from the text of MOT's <c>licenses.json</c> and <c>mof-licenses.json</c>.</summary>
    /// <exception cref="OpennessFormatException">Either text is not a licence list.</exception>
    public static MofLicenseCatalog Parse(string spdxLicensesJson, string mofLicensesJson)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var spdx = Read(spdxLicensesJson, "licenses.json", entries);
        var mof = Read(mofLicensesJson, "mof-licenses.json", entries);
        return new MofLicenseCatalog(entries.ToFrozenDictionary(StringComparer.Ordinal), $"{spdx}+{mof}");
    }

    /// <summary>True when MOT counts the licence as open: FSF-libre, OSI-approved, an open data licence, or OpenMDW-1.0.</summary>
    public bool IsOpen(string license) =>
        (_entries.TryGetValue(license, out var entry) && (entry.OsiApproved || entry.FsfLibre)) || OpenData.Contains(license) || license == OpenMdw;

    /// <summary>True when the licence is known to suit the content type (only MOT's own list says so; a mismatch is a warning, never a failure).</summary>
    public bool IsTypeAppropriate(string license, MofContentType type) =>
        _entries.TryGetValue(license, out var entry) && entry.Types.Contains(type);

    /// <summary>True when either list knows the id.</summary>
    public bool IsKnown(string license) => _entries.ContainsKey(license);

    private static string Read(string json, string file, Dictionary<string, Entry> entries)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("licenses", out var licenses) || licenses.ValueKind != JsonValueKind.Array)
            {
                throw new OpennessFormatException($"{file} is not a licence list: it has no 'licenses' array");
            }

            foreach (var license in licenses.EnumerateArray())
            {
                if (license.ValueKind != JsonValueKind.Object || !license.TryGetProperty("licenseId", out var id) || id.ValueKind != JsonValueKind.String)
                {
                    throw new OpennessFormatException($"{file} has a licence without a 'licenseId'");
                }

                // The later list replaces the whole entry: a missing flag there means false, as in MOT's importer.
                entries[id.GetString()!] = new Entry(Flag(license, "isOsiApproved"), Flag(license, "isFsfLibre"), Types(license, file));
            }

            return root.TryGetProperty("licenseListVersion", out var version) && version.ValueKind == JsonValueKind.String ? version.GetString()! : "unversioned";
        }
        catch (JsonException e)
        {
            throw new OpennessFormatException($"{file} is not JSON: {e.Message}", e);
        }
    }

    private static bool Flag(JsonElement license, string name) =>
        license.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static FrozenSet<MofContentType> Types(JsonElement license, string file)
    {
        if (!license.TryGetProperty("ContentType", out var value))
        {
            return FrozenSet<MofContentType>.Empty;
        }

        IEnumerable<JsonElement> items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [value];
        return items.Select(item => item.GetString() switch
        {
            "code" => MofContentType.Code,
            "data" => MofContentType.Data,
            "document" => MofContentType.Document,
            var other => throw new OpennessFormatException($"{file} gives licence '{license.GetProperty("licenseId").GetString()}' the unknown content type '{other}'"),
        }).ToFrozenSet();
    }

    private sealed record Entry(bool OsiApproved, bool FsfLibre, FrozenSet<MofContentType> Types);
}
