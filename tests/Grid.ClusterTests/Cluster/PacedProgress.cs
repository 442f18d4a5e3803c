using ModelGrid.Client.Transfer;

namespace ModelGrid.ClusterTests.Cluster;

/// <summary>
/// Transfer progress that holds each upload and download to about <c>bytesPerSecond</c> (the transfer
/// reports each buffer synchronously, so pausing here paces it), counts the retry notes, and signals once a share of the
/// bytes moved: a silo killed at that signal is killed mid-transfer, whatever the machine's speed. Several transfers
/// may share one, each paced on its own, the share counted over all of them.
/// </summary>
public sealed class PacedProgress(long totalBytes, double signalAt, long bytesPerSecond = PacedProgress.BytesPerSecond) : ITransferProgress
{
    public const long BytesPerSecond = 8L << 20;

    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _moved;
    private int _notes;

    /// <summary>Completes once <c>signalAt</c> of the bytes moved.</summary>
    public Task Reached => _reached.Task;

    public int Notes => _notes;

    public IProgress<long> Begin(string description, long totalBytes) =>
        description.StartsWith("hashing", StringComparison.Ordinal) ? new Progress<long>() : new Pace(this);

    public void Note(string message) => Interlocked.Increment(ref _notes);

    private sealed class Pace(PacedProgress owner) : IProgress<long>
    {
        public void Report(long value)
        {
            if (Interlocked.Add(ref owner._moved, value) >= owner.TotalBytes * owner.SignalAt)
            {
                owner._reached.TrySetResult();
            }

            Thread.Sleep(TimeSpan.FromSeconds((double)value / owner.Rate));
        }
    }

    private long TotalBytes => totalBytes;

    private double SignalAt => signalAt;

    private long Rate => bytesPerSecond;
}
