namespace ModelGrid.Openness;

/// <summary>The class MOT's algorithm gives a release, its progress towards each class, and why.</summary>
/// <param name="Class">The class, <see cref="MofClass.Unclassified"/> when not even Class III is met.</param>
/// <param name="Label">MOT's label for it, e.g. <c>Class II - Open Tooling Model</c>.</param>
/// <param name="Progress">Progress towards each class.</param>
/// <param name="Classes">Per class (3, 2, 1), where each component stands.</param>
/// <param name="NotTypeAppropriate">
/// Components under an open licence that is not known to suit their content type (MIT on weights, say): a warning that
/// never changes the class.
/// </param>
/// <param name="NextClass">The next more open class, or null at Class I.</param>
/// <param name="MissingForNextClass">What keeps the release from <paramref name="NextClass"/>, one entry per component.</param>
/// <param name="LicenseListVersion">The licence lists the result was computed with.</param>
public sealed record MofEvaluation(
    MofClass Class,
    string Label,
    MofProgress Progress,
    IReadOnlyList<MofClassStatus> Classes,
    IReadOnlyList<string> NotTypeAppropriate,
    MofClass? NextClass,
    IReadOnlyList<MofShortfall> MissingForNextClass,
    string LicenseListVersion)
{
    /// <summary>MOT's label of a class.</summary>
    public static string LabelOf(MofClass cls) => cls switch
    {
        MofClass.ClassI => "Class I - Open Science Model",
        MofClass.ClassII => "Class II - Open Tooling Model",
        MofClass.ClassIII => "Class III - Open Model",
        _ => "Unclassified",
    };

    /// <summary>The short name of a class: <c>I</c>, <c>II</c>, <c>III</c>, or <c>none</c>.</summary>
    public static string ShortName(MofClass cls) => cls switch
    {
        MofClass.ClassI => "I",
        MofClass.ClassII => "II",
        MofClass.ClassIII => "III",
        _ => "none",
    };

    /// <summary>The status of one class (3, 2 or 1).</summary>
    public MofClassStatus For(int cls) => Classes.Single(c => c.Class == cls);
}
