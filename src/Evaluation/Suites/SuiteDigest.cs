using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ModelGrid.Evaluation.Suites;

/// <summary>
/// The suite digest: lowercase hex SHA-256 of the canonical JSON <c>{"data":[{name, sha256, size}…],"spec":{…}}</c>,
/// the spec as checked (defaults filled in), every object's keys in ordinal order, no whitespace. Any change to what
/// the suite computes or reads changes it; a data card's wording does not.
/// </summary>
public static class SuiteDigest
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>The canonical JSON the digest is taken of.</summary>
    public static string Canonical(SuiteSpec spec, IReadOnlyList<ArtifactRef> artifacts)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(artifacts);
        var root = new JsonObject
        {
            ["data"] = new JsonArray([.. artifacts.Select(a => (JsonNode)new JsonObject { ["name"] = a.Name, ["sha256"] = a.Sha256, ["size"] = a.Size })]),
            ["spec"] = JsonSerializer.SerializeToNode(spec, Json),
        };
        return Sorted(root)!.ToJsonString();
    }

    /// <summary>The digest of <paramref name="spec"/> reading <paramref name="artifacts"/>.</summary>
    public static string Compute(SuiteSpec spec, IReadOnlyList<ArtifactRef> artifacts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(spec, artifacts))));

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };
}
