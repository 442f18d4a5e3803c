namespace ModelGrid.Openness;

/// <summary>Checks a record against a version's files and lays out each included component as the hub shows it.</summary>
public static class OpennessCheck
{
    /// <summary>Where a version's card is, as a component path: the hub keeps it beside the manifest, as <c>README.md</c> when pulled.</summary>
    public const string CardPath = "README.md";

    /// <summary>
    /// The files the record tags that the version does not hold, one line each (empty when all are there): a record
    /// that tags a file it does not have is refused, so a tagged file is always a verified one.
    /// </summary>
    public static IReadOnlyList<string> MissingFiles(OpennessRecord record, IReadOnlySet<string> manifestPaths) =>
        [.. record.Components.SelectMany(c => (c.Files ?? []).Where(f => !manifestPaths.Contains(f)).Select(f => $"'{f}' (tagged as {c.Name})"))];

    /// <summary>
    /// Each included component with its resolved licence and whether the version shows it: its tagged files (or its
    /// path) are in the manifest, or, for the model card at <c>README.md</c>, the version has a card.
    /// </summary>
    public static IReadOnlyList<OpennessComponentView> Components(OpennessRecord record, MofLicenseCatalog licenses, IReadOnlySet<string> manifestPaths, bool hasCard) =>
    [
        .. record.Components.Select(c =>
        {
            var component = MofComponents.Get(c.Name);
            var license = MofEvaluator.Resolve(component, c, record.Licenses) ?? OpennessRecord.Unlicensed;
            var open = licenses.IsOpen(license);
            var files = c.Files ?? [];
            var verified = files.Count > 0 && files.All(manifestPaths.Contains)
                || (files.Count == 0 && c.ComponentPath is { } path && manifestPaths.Contains(path))
                || (files.Count == 0 && hasCard && c.Name == MofComponents.ModelCard && c.ComponentPath == CardPath);
            return new OpennessComponentView(
                c.Name, component.Type, license, c.License is null, open, !open || licenses.IsTypeAppropriate(license, component.Type),
                c.ComponentPath, files, verified ? ComponentVerification.Verified : ComponentVerification.Claimed);
        }),
    ];
}
