using NJsonSchema;
using NJsonSchema.References;
using NJsonSchema.Validation;

namespace ModelGrid.Testing;

/// <summary>
/// The CycloneDX 1.6 JSON schema, read from the shared folder (<c>specs/cyclonedx/</c>) where it is kept, with its
/// references to <c>spdx.schema.json</c> and <c>jsf-0.82.schema.json</c> resolved from the files beside it: a reference
/// to any address is refused, so validation never reaches the network.
/// </summary>
public static class CycloneDxSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    /// <summary>The schema's folder in the shared folder.</summary>
    public static string Folder => Path.GetDirectoryName(TestArtifacts.SharedPath("specs/cyclonedx/bom-1.6.schema.json"))!;

    /// <summary>What is wrong with <paramref name="json"/> under the schema, one line per error; empty when valid.</summary>
    /// <param name="json">A BOM.</param>
    public static IReadOnlyList<string> Validate(string json) =>
        [.. Flatten(Schema.Value.Validate(json)).Select(e => $"{e.Path}: {e.Kind}").Order(StringComparer.Ordinal)];

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            yield return error;
            if (error is ChildSchemaValidationError child)
            {
                foreach (var nested in Flatten(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return nested;
                }
            }
        }
    }

    private static JsonSchema Load()
    {
        var path = Path.Combine(Folder, "bom-1.6.schema.json");
        return JsonSchema.FromFileAsync(path, root => new LocalReferenceResolver(root)).GetAwaiter().GetResult();
    }

    /// <summary>Resolves file references beside the schema only; any address is an error.</summary>
    private sealed class LocalReferenceResolver(JsonSchema root)
        : JsonReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
    {
        public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException($"the CycloneDX schema refers to {url}; the tests resolve references from {Folder} only");
    }
}
