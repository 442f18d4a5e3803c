namespace ModelGrid.Silo.Worker;

/// <summary>Where a running job writes its log; the worker sends the lines to the job grain with each heartbeat and at the end.</summary>
public interface IJobLog
{
    /// <summary>Adds one line.</summary>
    /// <param name="line">The line.</param>
    void Write(string line);
}
