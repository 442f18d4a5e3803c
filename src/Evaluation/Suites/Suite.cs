namespace ModelGrid.Evaluation.Suites;

/// <summary>A suite as loaded from its folder: the checked spec, its digest and the artifacts it reads.</summary>
/// <param name="Spec">The spec.</param>
/// <param name="Digest">SHA-256 over the canonical spec and the datasets' digests (<see cref="SuiteDigest"/>).</param>
/// <param name="Artifacts">The declared artifacts the data come from.</param>
/// <param name="Folder">The folder holding <c>suite.yaml</c>, or null for a spec read from elsewhere.</param>
/// <param name="DataCard">The data card's text, or null.</param>
public sealed record Suite(SuiteSpec Spec, string Digest, IReadOnlyList<ArtifactRef> Artifacts, string? Folder, string? DataCard)
{
    /// <summary>Loads the suite in <paramref name="folder"/>; its artifacts must be declared in <paramref name="artifacts"/>.</summary>
    public static Suite Load(string folder, IArtifactFiles artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var file = Path.Combine(folder, SuiteLoader.SpecFileName);
        if (!File.Exists(file))
        {
            throw new SuiteFormatException($"{file}: no such file; a suite is a folder holding {SuiteLoader.SpecFileName}");
        }

        var spec = SuiteLoader.Parse(File.ReadAllText(file), file);
        if (!string.Equals(Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)), spec.Id, StringComparison.Ordinal))
        {
            throw new SuiteFormatException($"{file}: id '{spec.Id}' must equal the folder's name");
        }

        string? dataCard = null;
        if (spec.DataCard is { } cardName)
        {
            var cardPath = Path.Combine(folder, cardName);
            dataCard = File.Exists(cardPath) && Path.GetFileName(cardName) == cardName
                ? File.ReadAllText(cardPath)
                : throw new SuiteFormatException($"{file}: data-card '{cardName}' is not a file beside {SuiteLoader.SpecFileName}");
        }

        return Create(spec, artifacts, folder, dataCard, file);
    }

    /// <summary>A suite from a spec already parsed.</summary>
    public static Suite Create(SuiteSpec spec, IArtifactFiles artifacts, string? folder = null, string? dataCard = null, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(artifacts);
        var refs = spec.Data.Artifacts
            .Select(name => artifacts.Describe(name)
                ?? throw new SuiteFormatException($"{file ?? spec.Name}: '{name}' is not a declared artifact (artifacts.json)"))
            .ToList();
        return new Suite(spec, SuiteDigest.Compute(spec, refs), refs, folder, dataCard);
    }

    /// <summary>Loads every suite folder under <paramref name="root"/> (each subfolder holding <c>suite.yaml</c>), by id.</summary>
    public static IReadOnlyList<Suite> LoadAll(string root, IArtifactFiles artifacts) =>
        [.. Directory.EnumerateDirectories(root)
            .Where(d => File.Exists(Path.Combine(d, SuiteLoader.SpecFileName)))
            .Order(StringComparer.Ordinal)
            .Select(d => Load(d, artifacts))];
}
