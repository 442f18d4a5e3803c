namespace ModelGrid.Openness;

/// <summary>
/// A component the release includes (one the record does not list is missing: the framework has no "not included" flag).
/// </summary>
/// <param name="Name">The component's exact name (<see cref="MofComponents"/>).</param>
/// <param name="License">
/// Its own licence: null inherits the release-wide one; <see cref="OpennessRecord.Unlicensed"/> says it has none (and
/// does not inherit); anything else is a licence id, matched exactly.
/// </param>
/// <param name="LicensePath">A path or URL to its licence text.</param>
/// <param name="ComponentPath">Where it is: a path or a URL.</param>
/// <param name="Files">Files of this version that are this component (paths in the version's manifest), which lets the hub check that it is included.</param>
public sealed record ComponentRelease(
    string Name,
    string? License = null,
    string? LicensePath = null,
    string? ComponentPath = null,
    IReadOnlyList<string>? Files = null)
{
    /// <summary>Equal when every field is, the files compared in order.</summary>
    public bool Equals(ComponentRelease? other) =>
        other is not null && Name == other.Name && License == other.License && LicensePath == other.LicensePath
        && ComponentPath == other.ComponentPath && (Files ?? []).SequenceEqual(other.Files ?? []);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, License, LicensePath, ComponentPath, (Files ?? []).Count);
}
