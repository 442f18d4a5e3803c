namespace ModelGrid.Bom;

/// <summary>The licence of one part of a version, e.g. its weights or its training code.</summary>
/// <param name="Component">The part's name, e.g. <c>Model parameters (Final)</c>.</param>
/// <param name="Licence">An SPDX id or expression, or a licence's name.</param>
public sealed record BomLicence(string Component, string Licence);
