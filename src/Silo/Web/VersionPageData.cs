using ModelGrid.Auth;
using ModelGrid.Evaluations;
using ModelGrid.Hub;
using ModelGrid.Silo.Apis;
using ModelGrid.Silo.Evaluation;
using ModelGrid.Silo.Hub;

namespace ModelGrid.Silo.Web;

/// <summary>What the version page shows: the version, its card revisions and its evaluations, by the API's access rules.</summary>
/// <param name="Version">The version.</param>
/// <param name="Cards">Its card revisions, oldest first.</param>
/// <param name="Evaluations">Its evaluation jobs, newest first.</param>
public sealed record VersionPageData(VersionDetails Version, IReadOnlyList<CardRevisionInfo> Cards, IReadOnlyList<JobSnapshot> Evaluations)
{
    /// <summary>Loads the version page for <paramref name="caller"/>; what it may not see is a <see cref="HubException"/> (404).</summary>
    /// <param name="hub">The hub's services.</param>
    /// <param name="evaluations">The evaluation queries.</param>
    /// <param name="caller">Who asks.</param>
    /// <param name="owner">The model's owner.</param>
    /// <param name="name">The model's name.</param>
    /// <param name="reference">A version number, alias or revision id.</param>
    public static async Task<VersionPageData> LoadAsync(HubServices hub, EvaluationQueries evaluations, Principal caller, string owner, string name, string reference)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(evaluations);
        var (id, _) = await ModelAccess.ReadableAsync(hub.Grains, caller, owner, name);
        var version = await ModelAccess.ResolveVersionAsync(hub.Grains, caller, id, reference);
        var cards = await hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(version.Number)).ListCards();
        var jobs = await evaluations.ListAsync(caller, id.ToString(), version.Number, null);
        return new VersionPageData(version, cards, jobs.Items);
    }

    /// <summary>The text of card revision <paramref name="revision"/>, or a 404 when the version has none such.</summary>
    /// <param name="hub">The hub's services.</param>
    /// <param name="revision">The revision's number.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public async Task<string> CardTextAsync(HubServices hub, int revision, CancellationToken cancellationToken)
    {
        if (!Cards.Any(c => c.Revision == revision))
        {
            throw HubException.NotFound("Card revision not found", $"{Version.Model}@{Version.Number} has no card revision r{revision} (it has {Cards.Count})");
        }

        return await ModelPageData.ReadTextAsync(hub, Storage.HubLayout.Card(Version.Model, Version.Number, revision), cancellationToken);
    }
}
