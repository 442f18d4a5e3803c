namespace ModelGrid.Openness;

/// <summary>
/// The release-wide licences. A component without a licence of its own inherits the one for its content type, else the
/// distribution licence, else none.
/// </summary>
/// <param name="Distribution">The licence of the release as a whole.</param>
/// <param name="Code">The licence of its code components.</param>
/// <param name="Data">The licence of its data components (parameters included).</param>
/// <param name="Document">The licence of its documents.</param>
public sealed record ReleaseLicenses(
    ReleaseLicense? Distribution = null,
    ReleaseLicense? Code = null,
    ReleaseLicense? Data = null,
    ReleaseLicense? Document = null)
{
    /// <summary>No release-wide licence at all.</summary>
    public static ReleaseLicenses None { get; } = new();

    /// <summary>The release-wide licence for a content type.</summary>
    public ReleaseLicense? For(MofContentType type) => type switch
    {
        MofContentType.Code => Code,
        MofContentType.Data => Data,
        _ => Document,
    };
}
