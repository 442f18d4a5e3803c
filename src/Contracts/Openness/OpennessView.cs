namespace ModelGrid.Openness;

/// <summary>A version's openness as the API answers it: the record, what the hub checked, and MOT's class with what is missing for the next.</summary>
/// <param name="Model">The model, <c>owner/name</c>.</param>
/// <param name="Version">The version number.</param>
/// <param name="Revision">The record's revision (1, 2, …).</param>
/// <param name="RevisionId">The stored record's SHA-256.</param>
/// <param name="UpdatedAt">When it was set.</param>
/// <param name="UpdatedBy">Who set it.</param>
/// <param name="Class">The class, e.g. <c>classII</c>.</param>
/// <param name="Label">MOT's label of the class.</param>
/// <param name="Progress">Progress towards each class, in percent.</param>
/// <param name="NextClass">The next more open class, or null at Class I.</param>
/// <param name="MissingForNextClass">What keeps the version from the next class.</param>
/// <param name="Components">The included components with their licences and whether the manifest shows them.</param>
/// <param name="Unverified">Included components the hub cannot see in this version: claims only.</param>
/// <param name="Evaluation">The whole evaluation, per class.</param>
/// <param name="Record">The record as stored.</param>
public sealed record OpennessView(
    string Model,
    int Version,
    int Revision,
    string RevisionId,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    MofClass Class,
    string Label,
    MofProgress Progress,
    MofClass? NextClass,
    IReadOnlyList<MofShortfall> MissingForNextClass,
    IReadOnlyList<OpennessComponentView> Components,
    IReadOnlyList<string> Unverified,
    MofEvaluation Evaluation,
    OpennessRecord Record);
