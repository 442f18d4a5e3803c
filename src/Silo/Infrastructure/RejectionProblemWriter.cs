using System.Buffers;
using System.IO.Pipelines;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>
/// The output of one HTTP/1.x connection, passed through unchanged while the application answers a request. Kestrel
/// answers a request it cannot parse (a <c>%00</c> in the path, headers over its limits, a malformed request line)
/// without calling the application, with an empty body, just before it closes the connection. Bytes written while
/// no request is with the application can only be such an answer: they are held until flushed, and an empty-bodied
/// error head among them gets a problem+json body (<see cref="RejectionProblems"/>).
/// </summary>
public sealed class RejectionProblemWriter(PipeWriter inner, Func<int, (string Title, string Detail)> describe) : PipeWriter
{
    private readonly ArrayBufferWriter<byte> _held = new();
    private int _inFlight;
    private bool _holding;

    /// <summary>A request reached the application (its first middleware).</summary>
    public void BeginRequest() => Interlocked.Increment(ref _inFlight);

    /// <summary>The application's response to a request is complete: every byte of it has been written.</summary>
    public void EndRequest() => Interlocked.Decrement(ref _inFlight);

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes + _held.WrittenCount;

    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        _holding = Volatile.Read(ref _inFlight) == 0;
        return _holding ? _held.GetMemory(sizeHint) : inner.GetMemory(sizeHint);
    }

    public override Span<byte> GetSpan(int sizeHint = 0)
    {
        _holding = Volatile.Read(ref _inFlight) == 0;
        return _holding ? _held.GetSpan(sizeHint) : inner.GetSpan(sizeHint);
    }

    public override void Advance(int bytes)
    {
        if (_holding)
        {
            _held.Advance(bytes);
        }
        else
        {
            inner.Advance(bytes);
        }
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        Release();
        return inner.FlushAsync(cancellationToken);
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null)
    {
        Release();
        inner.Complete(exception);
    }

    public override ValueTask CompleteAsync(Exception? exception = null)
    {
        Release();
        return inner.CompleteAsync(exception);
    }

    /// <summary>Moves what was held into the connection's output, with a problem body where it is an empty error answer.</summary>
    private void Release()
    {
        if (_held.WrittenCount == 0)
        {
            return;
        }

        var held = _held.WrittenSpan;
        if (RejectionProblems.TryAddBody(held, describe) is { } answered)
        {
            inner.Write(answered);
        }
        else
        {
            inner.Write(held);
        }

        _held.ResetWrittenCount();
    }
}
