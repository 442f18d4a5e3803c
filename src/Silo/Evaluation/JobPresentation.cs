using ModelGrid.Auth;
using ModelGrid.Evaluations;

namespace ModelGrid.Silo.Evaluation;

/// <summary>
/// A job as one caller may see it. Names are recorded as <c>owner (token id)</c>; the token id is shown only to the
/// one who may act on the job (the requester itself, the model's publishers, admins). Every other reader sees the
/// owner alone: a token id is no secret, but it says which of an owner's tokens did what, which is theirs to know.
/// </summary>
public static class JobPresentation
{
    private const string CancelledBy = "cancelled by ";

    /// <summary>The job with the token ids the caller may not see left out.</summary>
    public static JobSnapshot For(Principal caller, JobSnapshot job)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(job);
        if (SeesTokenIds(caller, job))
        {
            return job;
        }

        var reason = job.Status == JobStatus.Cancelled && job.FailureReason is { } r && r.StartsWith(CancelledBy, StringComparison.Ordinal)
            ? CancelledBy + OwnerOf(r[CancelledBy.Length..])
            : job.FailureReason;
        return job with { Spec = job.Spec with { Requester = OwnerOf(job.Spec.Requester) }, FailureReason = reason };
    }

    /// <summary>Whether the caller may see the token ids of the job's requester: it is the requester, a publisher of the model, or an admin.</summary>
    public static bool SeesTokenIds(Principal caller, JobSnapshot job)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(job);
        return !caller.IsAnonymous
            && (caller.IsAdmin || caller.CanPublish(job.Spec.Model.Owner) || string.Equals(job.Spec.Requester, caller.DisplayName, StringComparison.Ordinal));
    }

    /// <summary>The owner part of a recorded name <c>owner (token id)</c>; a name without that part stays as it is.</summary>
    public static string OwnerOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        // Owner names have no spaces, so the first " (" ends the owner.
        var cut = name.IndexOf(" (", StringComparison.Ordinal);
        return cut > 0 ? name[..cut] : name;
    }
}
