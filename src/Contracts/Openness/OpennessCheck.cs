namespace ModelGrid.Openness;

/// <summary>Checks a record against a version's files and lays out each included component as the hub shows it.</summary>
public static class OpennessCheck
{
    /// <summary>
    /// The files the record tags that the version does not hold, one line each (empty when all are there): a record
    /// that tags a file it does not have is refused, so a tagged file is always a verified one.
    /// </summary>
    public static IReadOnlyList<string> MissingFiles(OpennessRecord record, IReadOnlySet<string> manifestPaths) =>
        [.. record.Components.SelectMany(c => (c.Files ?? []).Where(f => !manifestPaths.Contains(f)).Select(f => $"'{f}' (tagged as {c.Name})"))];

    /// <summary>Each included component with its resolved licence and whether the manifest shows it.</summary>
    public static IReadOnlyList<OpennessComponentView> Components(OpennessRecord record, MofLicenseCatalog licenses, IReadOnlySet<string> manifestPaths) =>
    [
        .. record.Components.Select(c =>
        {
            var component = MofComponents.Get(c.Name);
            var license = MofEvaluator.Resolve(component, c, record.Licenses) ?? OpennessRecord.Unlicensed;
            var open = licenses.IsOpen(license);
            var files = c.Files ?? [];
            var verified = files.Count > 0 && files.All(manifestPaths.Contains)
                || (files.Count == 0 && c.ComponentPath is { } path && manifestPaths.Contains(path));
            return new OpennessComponentView(
                c.Name, component.Type, license, c.License is null, open, !open || licenses.IsTypeAppropriate(license, component.Type),
                c.ComponentPath, files, verified ? ComponentVerification.Verified : ComponentVerification.Claimed);
        }),
    ];
}
