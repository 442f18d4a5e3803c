namespace ModelGrid.Openness;

/// <summary>A release-wide licence: its name (an SPDX id or MOT's licence name) and where its text is.</summary>
/// <param name="Name">The licence; null or empty when none is given (then components do not inherit it).</param>
/// <param name="Path">A path or URL to the licence text.</param>
public sealed record ReleaseLicense(string? Name, string? Path = null)
{
    /// <summary>True when components can inherit it: MOT skips empty names.</summary>
    public bool HasName => !string.IsNullOrEmpty(Name);
}
