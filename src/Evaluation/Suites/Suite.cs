using ModelGrid.Evaluation.Kinds;

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
    /// <param name="folder">The suite's folder.</param>
    /// <param name="artifacts">The declared artifacts.</param>
    /// <param name="kinds">The suite kinds; <see cref="SuiteKinds.Default"/> when null.</param>
    public static Suite Load(string folder, IArtifactFiles artifacts, SuiteKinds? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var file = Path.Combine(folder, SuiteLoader.SpecFileName);
        if (!File.Exists(file))
        {
            throw new SuiteFormatException($"{file}: no such file; a suite is a folder holding {SuiteLoader.SpecFileName}");
        }

        var spec = SuiteLoader.Parse(File.ReadAllText(file), file, kinds);
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

        return Create(spec, artifacts, folder, dataCard, file, kinds);
    }

    /// <summary>A suite from a spec already parsed; its kind names the artifacts it reads (<see cref="ISuiteKind.Artifacts"/>).</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="artifacts">The declared artifacts.</param>
    /// <param name="folder">The suite's folder, or null.</param>
    /// <param name="dataCard">The data card's text, or null.</param>
    /// <param name="file">The spec's file, for errors.</param>
    /// <param name="kinds">The suite kinds; <see cref="SuiteKinds.Default"/> when null.</param>
    public static Suite Create(SuiteSpec spec, IArtifactFiles artifacts, string? folder = null, string? dataCard = null, string? file = null, SuiteKinds? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(artifacts);
        var refs = (kinds ?? SuiteKinds.Default).Get(spec.Kind).Artifacts(spec)
            .Select(name => artifacts.Describe(name)
                ?? throw new SuiteFormatException($"{file ?? spec.Name}: '{name}' is not a declared artifact (artifacts.json)"))
            .ToList();
        return new Suite(spec, SuiteDigest.Compute(spec, refs), refs, folder, dataCard);
    }

    /// <summary>Loads every suite folder under <paramref name="root"/> (each subfolder holding <c>suite.yaml</c>), by id.</summary>
    /// <param name="root">The folder of suite folders.</param>
    /// <param name="artifacts">The declared artifacts.</param>
    /// <param name="kinds">The suite kinds; <see cref="SuiteKinds.Default"/> when null.</param>
    public static IReadOnlyList<Suite> LoadAll(string root, IArtifactFiles artifacts, SuiteKinds? kinds = null) =>
        [.. Directory.EnumerateDirectories(root)
            .Where(d => File.Exists(Path.Combine(d, SuiteLoader.SpecFileName)))
            .Order(StringComparer.Ordinal)
            .Select(d => Load(d, artifacts, kinds))];
}
