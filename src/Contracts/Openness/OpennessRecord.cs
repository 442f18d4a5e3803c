namespace ModelGrid.Openness;

/// <summary>
/// What a release makes available under which licences, in the Model Openness Framework's terms: the record MOT files
/// hold, and what the hub keeps per version. The class is never stored: <see cref="MofEvaluator"/> computes it.
/// </summary>
/// <param name="Name">The release's name (MOT's model identity).</param>
/// <param name="Producer">Who made it.</param>
/// <param name="Date">The release date as written (YYYY-MM-DD).</param>
/// <param name="Licenses">The release-wide licences.</param>
/// <param name="Components">The included components, one per name, in the framework's order.</param>
public sealed partial record OpennessRecord(
    string Name,
    string? Producer,
    string? Date,
    ReleaseLicenses Licenses,
    IReadOnlyList<ComponentRelease> Components)
{
    /// <summary>The licence value that says a component has no licence (MOT writes it; an empty string means the same).</summary>
    public const string Unlicensed = "unlicensed";

    /// <summary>The source repository's URL.</summary>
    public string? Repository { get; init; }

    /// <summary>The Hugging Face page's URL.</summary>
    public string? HuggingFace { get; init; }

    /// <summary>The release's version label (older MOT files carry it; MOT no longer exports it).</summary>
    public string? Version { get; init; }

    /// <summary>What kind of model (language, vision, …; older MOT files carry it).</summary>
    public string? Type { get; init; }

    /// <summary>The architecture family (older MOT files carry it).</summary>
    public string? Architecture { get; init; }

    /// <summary>pre-trained, instruct fine-tuned or chat fine-tuned.</summary>
    public string? Treatment { get; init; }

    /// <summary>The model it derives from (older MOT files carry it).</summary>
    public string? Origin { get; init; }

    /// <summary>Whom to contact (older MOT files carry it).</summary>
    public string? Contact { get; init; }

    /// <summary>The included component of that name, or null when the release does not include it.</summary>
    public ComponentRelease? Find(string component) => Components.FirstOrDefault(c => c.Name == component);

    /// <summary>Equal when every field is, the components compared in order.</summary>
    public bool Equals(OpennessRecord? other) =>
        other is not null && Name == other.Name && Producer == other.Producer && Date == other.Date && Licenses == other.Licenses
        && Components.SequenceEqual(other.Components) && Repository == other.Repository && HuggingFace == other.HuggingFace
        && Version == other.Version && Type == other.Type && Architecture == other.Architecture && Treatment == other.Treatment
        && Origin == other.Origin && Contact == other.Contact;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Producer, Date, Licenses, Components.Count);
}
