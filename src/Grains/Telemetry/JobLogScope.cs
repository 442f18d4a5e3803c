using System.Collections;
using System.Globalization;
using Microsoft.Extensions.Logging;
using ModelGrid.Evaluations;

namespace ModelGrid.Grains.Telemetry;

/// <summary>
/// The logging scope of everything done about one job: its id and the model version it evaluates
/// (<c>owner/name@N</c>), as structured values (<see cref="JobIdKey"/>, <see cref="ModelKey"/>) that every entry
/// logged inside the scope carries, whatever its message says.
/// </summary>
public sealed class JobLogScope(Guid jobId, string model) : IReadOnlyList<KeyValuePair<string, object?>>
{
    /// <summary>The scope value that holds the job's id.</summary>
    public const string JobIdKey = "JobId";

    /// <summary>The scope value that holds the job's model version, <c>owner/name@N</c>.</summary>
    public const string ModelKey = "Model";

    /// <summary>The job's id.</summary>
    public Guid JobId { get; } = jobId;

    /// <summary>The model version the job evaluates.</summary>
    public string Model { get; } = model;

    /// <inheritdoc />
    public int Count => 2;

    /// <inheritdoc />
    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(JobIdKey, JobId.ToString("D", CultureInfo.InvariantCulture)),
        1 => new(ModelKey, Model),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>Begins the scope of the job <paramref name="jobId"/> of <paramref name="spec"/>.</summary>
    public static IDisposable? Begin(ILogger logger, Guid jobId, JobSpec spec) =>
        logger.BeginScope(new JobLogScope(jobId, spec.VersionKey));

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>How text formatters show the scope: <c>job {id} ({model})</c>.</summary>
    public override string ToString() => $"job {JobId:D} ({Model})";
}
