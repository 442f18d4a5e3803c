using System.Diagnostics;
using ModelGrid.Api;
using ModelGrid.Client.Http;

namespace ModelGrid.ClusterTests.Cluster;

/// <summary>Polls jobs through the API until each is final: the jobs run in other processes, so their records are the signal there is.</summary>
public static class JobWait
{
    public static async Task<IReadOnlyList<EvaluationView>> FinalAsync(GridClient client, IReadOnlyCollection<Guid> ids, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var final = new Dictionary<Guid, EvaluationView>();
        while (final.Count < ids.Count)
        {
            foreach (var id in ids.Where(id => !final.ContainsKey(id)).ToList())
            {
                var view = await client.GetEvaluationAsync(id, withResult: true, cancellationToken);
                if (view.Job.IsFinal)
                {
                    final[id] = view;
                }
            }

            if (final.Count < ids.Count)
            {
                if (clock.Elapsed > timeout)
                {
                    throw new TimeoutException($"{ids.Count - final.Count} of {ids.Count} jobs were not final after {timeout}");
                }

                await Task.Delay(250, cancellationToken);
            }
        }

        return [.. ids.Select(id => final[id])];
    }
}
