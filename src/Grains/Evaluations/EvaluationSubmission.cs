using ModelGrid.Evaluations;

namespace ModelGrid.Grains.Evaluations;

/// <summary>What a submission got: the job that answers it, and whether that job existed already.</summary>
public sealed record EvaluationSubmission(JobSnapshot Job, bool Deduplicated);
