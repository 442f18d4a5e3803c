namespace ModelGrid.Openness;

/// <summary>One included component as the hub shows it.</summary>
/// <param name="Name">The component.</param>
/// <param name="Type">Its content type.</param>
/// <param name="License">The licence it resolves to (its own, else inherited), <c>unlicensed</c> for none.</param>
/// <param name="Inherited">True when the licence is the release-wide one.</param>
/// <param name="Open">True when MOT counts the licence as open.</param>
/// <param name="TypeAppropriate">False when the licence is open but not known to suit the content type (a warning).</param>
/// <param name="Location">Where it is: the component path, or null.</param>
/// <param name="Files">Files of this version tagged as the component.</param>
/// <param name="Verification">Whether the manifest shows it.</param>
public sealed record OpennessComponentView(
    string Name,
    MofContentType Type,
    string License,
    bool Inherited,
    bool Open,
    bool TypeAppropriate,
    string? Location,
    IReadOnlyList<string> Files,
    ComponentVerification Verification);
