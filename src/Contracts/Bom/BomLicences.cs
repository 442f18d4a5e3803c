using System.Text.Json;

namespace ModelGrid.Bom;

/// <summary>
/// Writes CycloneDX licence choices. CycloneDX takes an SPDX id only from the SPDX list its schema carries, so a
/// licence is written as an <c>id</c> when it is one of the common ids below (matched without case, as model cards
/// often write <c>apache-2.0</c>), as an <c>expression</c> when it is the only licence and combines ids, and by
/// <c>name</c> otherwise; a name is always valid, an unknown id never is.
/// </summary>
public static class BomLicences
{
    /// <summary>Licences that say no licence is stated; they are left out rather than written as a licence.</summary>
    private static readonly HashSet<string> NoLicence = new(StringComparer.OrdinalIgnoreCase) { "NOASSERTION", "NONE", "other", "unknown" };

    private static readonly string[] Operators = [" AND ", " OR ", " WITH "];

    /// <summary>SPDX ids as the SPDX list spells them, by their lowercase form.</summary>
    public static IReadOnlyDictionary<string, string> KnownIds { get; } = new[]
    {
        "0BSD", "AFL-3.0", "AGPL-3.0", "AGPL-3.0-only", "AGPL-3.0-or-later", "Apache-1.1", "Apache-2.0", "Artistic-2.0",
        "BSD-2-Clause", "BSD-3-Clause", "BSD-3-Clause-Clear", "BSL-1.0", "CC-BY-2.0", "CC-BY-2.5", "CC-BY-3.0", "CC-BY-4.0",
        "CC-BY-NC-2.0", "CC-BY-NC-3.0", "CC-BY-NC-4.0", "CC-BY-NC-ND-3.0", "CC-BY-NC-ND-4.0", "CC-BY-NC-SA-2.0",
        "CC-BY-NC-SA-3.0", "CC-BY-NC-SA-4.0", "CC-BY-ND-4.0", "CC-BY-SA-3.0", "CC-BY-SA-4.0", "CC0-1.0",
        "CDLA-Permissive-1.0", "CDLA-Permissive-2.0", "CDLA-Sharing-1.0", "ECL-2.0", "EPL-1.0", "EPL-2.0", "EUPL-1.1",
        "EUPL-1.2", "GFDL-1.3", "GPL-2.0", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0", "GPL-3.0-only",
        "GPL-3.0-or-later", "ISC", "LGPL-2.1", "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0", "LGPL-3.0-only",
        "LGPL-3.0-or-later", "LPPL-1.3c", "MIT", "MIT-0", "MPL-2.0", "MS-PL", "NCSA", "ODbL-1.0", "ODC-By-1.0", "OFL-1.1",
        "OSL-3.0", "PDDL-1.0", "PostgreSQL", "Unlicense", "UPL-1.0", "WTFPL", "Zlib",
    }.ToDictionary(id => id.ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>The SPDX id <paramref name="licence"/> names, spelled as the SPDX list spells it, or null.</summary>
    /// <param name="licence">A licence as declared.</param>
    public static string? SpdxId(string licence) =>
        KnownIds.TryGetValue(licence.Trim().ToLowerInvariant(), out var id) ? id : null;

    /// <summary>Whether <paramref name="licence"/> states a licence at all (not empty, <c>NOASSERTION</c>, <c>NONE</c>, <c>other</c>).</summary>
    /// <param name="licence">A licence as declared.</param>
    public static bool States(string? licence) => !string.IsNullOrWhiteSpace(licence) && !NoLicence.Contains(licence.Trim());

    /// <summary>Writes <c>"licenses": […]</c> for <paramref name="licences"/> (distinct, in order); nothing when none states a licence.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="licences">The licences.</param>
    public static void Write(Utf8JsonWriter writer, IEnumerable<string?> licences)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var stated = licences.Where(States).Select(l => l!.Trim()).DistinctBy(l => SpdxId(l) ?? l, StringComparer.Ordinal).ToList();
        if (stated.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("licenses");
        if (stated.Count == 1 && SpdxId(stated[0]) is null && IsExpression(stated[0]))
        {
            writer.WriteStartObject();
            writer.WriteString("expression", stated[0]);
            writer.WriteString("acknowledgement", "declared");
            writer.WriteEndObject();
        }
        else
        {
            foreach (var licence in stated)
            {
                writer.WriteStartObject();
                writer.WriteStartObject("license");
                if (SpdxId(licence) is { } id)
                {
                    writer.WriteString("id", id);
                }
                else
                {
                    writer.WriteString("name", licence);
                }

                writer.WriteString("acknowledgement", "declared");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
    }

    private static bool IsExpression(string licence) =>
        Operators.Any(o => licence.Contains(o, StringComparison.Ordinal)) &&
        licence.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(token =>
            token is "AND" or "OR" or "WITH" || SpdxId(token.Trim('(', ')')) is not null || token.Trim('(', ')').EndsWith("-exception", StringComparison.OrdinalIgnoreCase));
}
