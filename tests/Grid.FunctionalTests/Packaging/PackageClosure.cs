using System.Text.Json;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Packaging;

/// <summary>
/// The NuGet packages a project's restore resolved, direct and transitive, as <c>name/version</c>, read from its
/// <c>project.assets.json</c> (under <c>.build/obj/{project}/</c>, or another artifacts folder).
/// </summary>
public static class PackageClosure
{
    public static IReadOnlySet<string> Of(string project, string? artifactsPath = null)
    {
        var assets = Path.Combine(artifactsPath ?? Path.Combine(TestPaths.RepositoryRoot, ".build"), "obj", project, "project.assets.json");
        if (!File.Exists(assets))
        {
            throw new FileNotFoundException($"'{assets}' is missing; restore or build the solution first", assets);
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(assets));
        return document.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(library => library.Value.GetProperty("type").GetString() == "package")
            .Select(library => library.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The packages of <paramref name="closure"/> whose names start with one of <paramref name="prefixes"/>.</summary>
    public static string[] Matching(IReadOnlySet<string> closure, params string[] prefixes) =>
        [.. closure.Where(package => prefixes.Any(prefix => package.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))).Order(StringComparer.Ordinal)];
}
