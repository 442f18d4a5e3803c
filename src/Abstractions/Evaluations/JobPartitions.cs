using System.Buffers.Binary;
using System.Globalization;

namespace ModelGrid.Evaluations;

/// <summary>The keys of the queue partitions, <c>{hardwareClass}-{shard}</c>, and which one holds a job.</summary>
public static class JobPartitions
{
    /// <summary>The partition of <paramref name="jobId"/> among <paramref name="shards"/> of its hardware class.</summary>
    /// <param name="hardwareClass">The job's hardware class.</param>
    /// <param name="jobId">The job.</param>
    /// <param name="shards">How many partitions each hardware class has.</param>
    public static string For(string hardwareClass, Guid jobId, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        Span<byte> bytes = stackalloc byte[16];
        jobId.TryWriteBytes(bytes);

        // Job ids are random, so their first bytes spread evenly; the mapping must never change for a stored id.
        var hash = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        return Key(hardwareClass, (int)(hash % (uint)shards));
    }

    /// <summary>The key of shard <paramref name="shard"/> of a hardware class.</summary>
    /// <param name="hardwareClass">The hardware class.</param>
    /// <param name="shard">The shard number, from 0.</param>
    public static string Key(string hardwareClass, int shard) =>
        $"{hardwareClass}-{shard.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Every partition of a hardware class.</summary>
    /// <param name="hardwareClass">The hardware class.</param>
    /// <param name="shards">How many partitions it has.</param>
    public static IReadOnlyList<string> All(string hardwareClass, int shards) =>
        [.. Enumerable.Range(0, shards).Select(s => Key(hardwareClass, s))];
}
