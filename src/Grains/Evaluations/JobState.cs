using System.Text.Json.Serialization;
using ModelGrid.Evaluations;

namespace ModelGrid.Grains.Evaluations;

/// <summary>The persisted state of an <see cref="EvaluationJobGrain"/>.</summary>
[GenerateSerializer, Alias("grid.JobState")]
public sealed class JobState
{
    [Id(0)] public JobSpec? Spec { get; set; }

    [Id(1)] public JobStatus Status { get; set; }

    /// <summary>The attempt that runs now or runs next; 1 for the first.</summary>
    [Id(2)] public int Attempt { get; set; }

    /// <summary>The current attempt's fencing token; cleared when a lease expires, kept when the job finishes.</summary>
    [Id(3)] public string? LeaseId { get; set; }

    [Id(4)] public string? Worker { get; set; }

    [Id(5)] public DateTimeOffset? LeaseExpiresAt { get; set; }

    [Id(6)] public string? FailureReason { get; set; }

    [Id(7)] public string? ResultRef { get; set; }

    [Id(8)] public DateTimeOffset SubmittedAt { get; set; }

    [Id(9)] public DateTimeOffset? StartedAt { get; set; }

    [Id(10)] public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Whether the job succeeded at once with a copy of an earlier run's result instead of running.</summary>
    [Id(11)] public bool ResultReused { get; set; }

    /// <summary>Other versions of the job's model, with the same files, that joined the job while it ran and wait for its result.</summary>
    [Id(12), JsonIgnore] public List<string> Waiting { get; set; } = [];

    /// <summary>
    /// The versions the result is still to be recorded on: set in the same write that marks the job succeeded, and
    /// emptied as each version acknowledges; a reminder retries while it is not empty.
    /// </summary>
    [Id(13), JsonIgnore] public List<string> Undelivered { get; set; } = [];

    // Written only when not empty, so a record of a job without follow-ups keeps the bytes it had before they existed.
    [JsonInclude, JsonPropertyName(nameof(Waiting)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    private List<string>? WaitingRecord { get => Waiting.Count == 0 ? null : Waiting; set => Waiting = value ?? []; }

    [JsonInclude, JsonPropertyName(nameof(Undelivered)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    private List<string>? UndeliveredRecord { get => Undelivered.Count == 0 ? null : Undelivered; set => Undelivered = value ?? []; }
}
