using ModelGrid.Evaluations;

namespace ModelGrid.Silo.Web;

/// <summary>One row of the queue and of a version's evaluations, rendered the same way on both pages.</summary>
public static class JobRow
{
    /// <summary>The status as a word, for the status mark and its class.</summary>
    /// <param name="status">The job's status.</param>
    public static string Status(JobStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The CSS class of a status mark.</summary>
    /// <param name="status">The job's status.</param>
    public static string StatusClass(JobStatus status) => $"status status-{Status(status)}";
}
