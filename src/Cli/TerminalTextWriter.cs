using System.Text;

namespace ModelGrid.Client.Cli;

/// <summary>
/// A writer that passes everything through <see cref="TerminalText"/> on its way to the console, so no text the CLI
/// prints for people — whatever it holds and wherever it came from — can drive the terminal. <c>--json</c> output
/// does not go through it: JSON escapes every control character itself and stays byte for byte what the hub sent.
/// </summary>
public sealed class TerminalTextWriter : TextWriter
{
    private readonly TextWriter _inner;
    private bool _pendingCarriageReturn;

    private TerminalTextWriter(TextWriter inner)
        : base(inner.FormatProvider)
    {
        _inner = inner;
        CoreNewLine = inner.NewLine.ToCharArray();
    }

    public override Encoding Encoding => _inner.Encoding;

    /// <summary><paramref name="inner"/> behind a terminal text filter (itself when it already is one).</summary>
    /// <param name="inner">The console writer.</param>
    public static TerminalTextWriter Wrap(TextWriter inner) => inner as TerminalTextWriter ?? new TerminalTextWriter(inner);

    public override void Write(char value)
    {
        if (_pendingCarriageReturn)
        {
            // A CR is kept only as part of CR LF, which ends the line like LF alone; any other CR would let the
            // rest of the line overwrite what came before it.
            _pendingCarriageReturn = false;
            if (value == '\n')
            {
                _inner.Write('\n');
                return;
            }

            _inner.Write(TerminalText.Escape('\r'));
        }

        if (value == '\r')
        {
            _pendingCarriageReturn = true;
        }
        else if (TerminalText.IsControl(value))
        {
            _inner.Write(TerminalText.Escape(value));
        }
        else
        {
            _inner.Write(value);
        }
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        var start = 0;
        for (var i = 0; i < buffer.Length; i++)
        {
            var c = buffer[i];
            if (c == '\r' || _pendingCarriageReturn || TerminalText.IsControl(c))
            {
                _inner.Write(buffer[start..i]);
                Write(c);
                start = i + 1;
            }
        }

        _inner.Write(buffer[start..]);
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write(CoreNewLine);
    }

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        Write(CoreNewLine);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync()
    {
        Write(CoreNewLine);
        return Task.CompletedTask;
    }

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync() => _inner.FlushAsync();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);
}
