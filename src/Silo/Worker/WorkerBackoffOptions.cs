using System.ComponentModel.DataAnnotations;

namespace ModelGrid.Silo.Worker;

/// <summary>
/// Configuration section <c>Grid:Worker:Backoff</c>: how a worker waits out storage that cannot be reached or a silo
/// leaving. Its calls to the grid (asking for a lease, recording a job's outcome, storing a result) are tried again
/// after pauses that start at <see cref="FirstDelay"/> and grow exponentially, with jitter, up to
/// <see cref="MaxDelay"/>.
/// </summary>
public sealed class WorkerBackoffOptions : IValidatableObject
{
    public const string Section = "Grid:Worker:Backoff";

    /// <summary>The first pause after a failed call.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest pause: how late, at most, a worker notices that storage is back.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many times one call about a leased job (its outcome, its result, a new run after its inputs could not be
    /// read) is tried again before the worker lets the job go; its lease then expires and it runs again. Asking for
    /// a lease is tried for as long as the silo runs.
    /// </summary>
    [Range(1, 1_000)]
    public int MaxAttempts { get; set; } = 40;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FirstDelay > MaxDelay)
        {
            yield return new ValidationResult($"{Section}:FirstDelay ({FirstDelay:c}) is longer than {Section}:MaxDelay ({MaxDelay:c}); the pauses grow from the first to the longest", [nameof(FirstDelay), nameof(MaxDelay)]);
        }
    }
}
