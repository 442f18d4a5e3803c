namespace ModelGrid.Silo.Web;

/// <summary>The addresses the pages link to, built in one place (path segments escaped).</summary>
public static class WebLinks
{
    /// <summary>The model page.</summary>
    /// <param name="id">The model.</param>
    public static string Model(ModelId id) => $"/models/{Escape(id.Owner)}/{Escape(id.Name)}";

    /// <summary>The version page.</summary>
    /// <param name="id">The model.</param>
    /// <param name="version">The version's number.</param>
    public static string Version(ModelId id, int version) => $"{Model(id)}/versions/{version}";

    /// <summary>The REST address of a version's file, which downloads it.</summary>
    /// <param name="id">The model.</param>
    /// <param name="version">The version's number.</param>
    /// <param name="path">The file's path in the version.</param>
    public static string File(ModelId id, int version, string path) =>
        $"/api/v1/models/{Escape(id.Owner)}/{Escape(id.Name)}/versions/{version}/files/{string.Join('/', path.Split('/').Select(Escape))}";

    /// <summary>The job page.</summary>
    /// <param name="job">The job's id.</param>
    public static string Job(Guid job) => $"/evaluations/{job:D}";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
