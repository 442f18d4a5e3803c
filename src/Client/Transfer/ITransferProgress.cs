namespace ModelGrid.Client.Transfer;

/// <summary>Where push and pull report what they do: a progress bar per phase, and one-line notes.</summary>
public interface ITransferProgress
{
    /// <summary>Starts a phase of <paramref name="totalBytes"/> bytes; report bytes done to the returned progress.</summary>
    /// <param name="description">What the phase does.</param>
    /// <param name="totalBytes">How many bytes it will move.</param>
    IProgress<long> Begin(string description, long totalBytes);

    /// <summary>Says something worth one line.</summary>
    /// <param name="message">The line.</param>
    void Note(string message);
}

/// <summary>Reports nothing.</summary>
public sealed class SilentProgress : ITransferProgress
{
    /// <summary>The one instance.</summary>
    public static readonly SilentProgress Instance = new();

    /// <inheritdoc />
    public IProgress<long> Begin(string description, long totalBytes) => new Progress<long>();

    /// <inheritdoc />
    public void Note(string message)
    {
    }
}
