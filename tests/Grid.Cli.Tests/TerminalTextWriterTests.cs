namespace ModelGrid.Client.Cli.Tests;

public sealed class TerminalTextWriterTests : IDisposable
{
    private readonly StringWriter _inner = new() { NewLine = "\n" };

    public void Dispose() => _inner.Dispose();

    [Fact]
    public void Write_EveryOverload_EscapesControlCharacters()
    {
        var writer = TerminalTextWriter.Wrap(_inner);

        writer.Write("title: \u001b]0;pwned\u0007");
        writer.Write('\u001b');
        writer.Write("[2J".ToCharArray(), 0, 3);
        writer.Write("\u009b".AsSpan());
        writer.WriteLine(" end");

        Assert.Equal("title: \\x1b]0;pwned\\x07\\x1b[2J\\x9b end\n", _inner.ToString());
    }

    [Fact]
    public void Write_CarriageReturnSplitAcrossWrites_KeepsCrLfAndEscapesALoneCr()
    {
        var writer = TerminalTextWriter.Wrap(_inner);

        writer.Write("one\r");
        writer.Write("\ntwo\r");
        writer.Write("forged");
        writer.Write('\r');
        writer.Write('\n');

        Assert.Equal("one\ntwo\\x0dforged\n", _inner.ToString());
    }

    [Fact]
    public async Task WriteLineAsync_GoesThroughTheSameFilter()
    {
        var writer = TerminalTextWriter.Wrap(_inner);

        await writer.WriteLineAsync("error: Gone: \u001b[31mred");
        await writer.WriteAsync("\u202e".AsMemory(), TestContext.Current.CancellationToken);

        Assert.Equal("error: Gone: \\x1b[31mred\n\\u202e", _inner.ToString());
    }

    [Fact]
    public void Wrap_AWrappedWriter_IsNotWrappedTwice()
    {
        var writer = TerminalTextWriter.Wrap(_inner);

        Assert.Same(writer, TerminalTextWriter.Wrap(writer));
    }
}
