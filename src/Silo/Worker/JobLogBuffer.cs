using System.Globalization;

namespace ModelGrid.Silo.Worker;

/// <summary>
/// Lines a running job wrote and the worker has not sent yet, with the worker's folders taken out; bounded, since the
/// job grain keeps only the newest anyway.
/// </summary>
internal sealed class JobLogBuffer(PathRedactor redactor) : IJobLog
{
    private const int MaxPending = 10_000;
    private readonly Queue<string> _pending = new();
    private readonly Lock _gate = new();
    private long _dropped;

    public void Write(string line)
    {
        line = redactor.Redact(line);
        lock (_gate)
        {
            _pending.Enqueue(line);
            if (_pending.Count > MaxPending)
            {
                _pending.Dequeue();
                _dropped++;
            }
        }
    }

    /// <summary>Takes the pending lines, oldest first.</summary>
    public List<string> Drain()
    {
        lock (_gate)
        {
            var lines = new List<string>(_pending.Count + 1);
            if (_dropped > 0)
            {
                lines.Add($"… {_dropped.ToString(CultureInfo.InvariantCulture)} lines dropped before they were sent");
                _dropped = 0;
            }

            lines.AddRange(_pending);
            _pending.Clear();
            return lines;
        }
    }
}
