namespace ModelGrid.Openness;

/// <summary>
/// Where each component a class asks for (cumulatively) stands, as MOT's model page lists it. The optional components
/// appear under <see cref="Optional"/> when open, and under <see cref="Unlicensed"/> or <see cref="Invalid"/> otherwise.
/// </summary>
/// <param name="Class">The class (3, 2 or 1).</param>
/// <param name="Included">Required components that are included under an open licence (the research paper also counts here for Classes III and II when it stands in for the technical report).</param>
/// <param name="Missing">Required components the release does not include.</param>
/// <param name="Unlicensed">Components included without a licence.</param>
/// <param name="Invalid">Components included under a licence MOT does not count as open.</param>
/// <param name="Optional">Optional components included under an open licence.</param>
/// <param name="Licenses">The licence each included component resolved to (its own, else inherited; <c>unlicensed</c> for none).</param>
public sealed record MofClassStatus(
    int Class,
    IReadOnlyList<string> Included,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Unlicensed,
    IReadOnlyList<string> Invalid,
    IReadOnlyList<string> Optional,
    IReadOnlyDictionary<string, string> Licenses);
