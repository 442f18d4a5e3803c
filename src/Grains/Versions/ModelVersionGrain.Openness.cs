using System.Security.Cryptography;
using System.Text;
using ModelGrid.Cards;
using ModelGrid.Hub;
using ModelGrid.Openness;
using ModelGrid.Storage;
using ModelGrid.Storage.Blobs;

namespace ModelGrid.Grains.Versions;

/// <summary>The version's openness record revisions, and the card the grid composes around them.</summary>
public sealed partial class ModelVersionGrain
{
    private const string OpennessSource = "openness";

    async Task<OpennessRevision> IModelVersionGrain.SetOpenness(string record, MofClass cls, string cardSection, string author)
    {
        EnsureExists();
        var s = state.State;
        if (s.Status != VersionStatus.Published)
        {
            throw HubException.Conflict(
                "Version not published",
                $"{Label} is {s.Status.ToString().ToLowerInvariant()}; an openness record is kept for a published version, whose files no longer change");
        }

        var bytes = Encoding.UTF8.GetBytes(record);
        var (model, number) = Key;
        var now = time.GetUtcNow();
        var revisions = s.Openness ??= [];
        var revision = new OpennessRevision(revisions.Count + 1, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, now, author, cls);
        await content.Blobs.PutAsync(HubLayout.Openness(model, number, revision.Revision), bytes, WriteCondition.None);
        s.OpennessSection = cardSection;
        var card = await WriteCardAsync(await ComposeCardAsync(s.Evaluations), s.Cards.Count + 1, author, OpennessSource, now);
        revisions.Add(revision);
        s.Cards.Add(card);
        await state.WriteStateAsync();
        return revision;
    }

    Task<IReadOnlyList<OpennessRevision>> IModelVersionGrain.ListOpenness()
    {
        EnsureExists();
        return Task.FromResult<IReadOnlyList<OpennessRevision>>([.. state.State.Openness ?? []]);
    }

    /// <summary>The card the grid writes: the publisher's, the evaluation section when results are recorded, and the openness section last.</summary>
    private async Task<string> ComposeCardAsync(List<EvaluationRecord> evaluations)
    {
        var card = await PublisherCardAsync();
        if (evaluations.Count > 0)
        {
            var results = new List<RecordedResult>(evaluations.Count);
            foreach (var e in evaluations)
            {
                await using var reader = await content.Blobs.OpenReadAsync(e.ResultBlob)
                    ?? throw HubException.Invalid($"the result {e.ResultBlob} of job {e.JobId:D} is not in the store");
                using var buffer = new MemoryStream();
                await reader.Content.CopyToAsync(buffer);
                results.Add(new RecordedResult(e.JobId, e.Attempt, Evaluation.Running.EvaluationJson.Deserialize(buffer.ToArray())));
            }

            card = EvaluationCard.Render(card, Key.Model.ToString(), results);
        }

        return state.State.OpennessSection is { } section ? OpennessCard.WithSection(card, section) : card;
    }
}
