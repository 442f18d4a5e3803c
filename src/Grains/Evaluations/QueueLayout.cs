using System.Globalization;

namespace ModelGrid.Grains.Evaluations;

/// <summary>Where a queue partition keeps its index in the blob store.</summary>
internal static class QueueLayout
{
    public static string Prefix(string partition) => $"queues/{partition}/";

    public static string Snapshot(string partition) => $"{Prefix(partition)}snapshot.json";

    public static string LogPrefix(string partition) => $"{Prefix(partition)}log-";

    public static string Log(string partition, long generation) =>
        $"{LogPrefix(partition)}{generation.ToString(CultureInfo.InvariantCulture)}";
}
