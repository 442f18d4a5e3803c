using System.Diagnostics;
using System.Text.RegularExpressions;
using ModelGrid.Client.Http;

namespace ModelGrid.ClusterTests.Cluster;

/// <summary>Reads which jobs a version's card names: the card is where a recorded result shows, whichever silo recorded it.</summary>
public static partial class CardJobs
{
    /// <summary>The job ids the card names, in the card's order (a job named twice appears twice).</summary>
    public static List<Guid> Named(string card) => [.. JobLine().Matches(card).Select(m => Guid.Parse(m.Groups[1].Value))];

    /// <summary>Waits until version 1's card of every model names each of that model's jobs; whether it did, and how long the wait took.</summary>
    public static async Task<(bool Complete, TimeSpan After)> WaitAsync(
        GridClient client, IReadOnlyList<ModelId> models, Dictionary<Guid, ModelId> jobs, TimeSpan timeout, TimeSpan poll, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var complete = true;
            foreach (var model in models)
            {
                var named = Named(await client.GetCardAsync(model, "1", cancellationToken: cancellationToken)).ToHashSet();
                complete &= jobs.Where(j => j.Value == model).All(j => named.Contains(j.Key));
            }

            if (complete || clock.Elapsed > timeout)
            {
                return (complete, clock.Elapsed);
            }

            await Task.Delay(poll, cancellationToken);
        }
    }

    [GeneratedRegex(@"— job ([0-9a-f-]{36}),")]
    private static partial Regex JobLine();
}
