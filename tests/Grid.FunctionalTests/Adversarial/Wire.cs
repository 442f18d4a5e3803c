using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>
/// Sends a <see cref="WireRequest"/> over a plain socket (<c>Connection: close</c>) and reads the whole answer (status 0
/// when the server closes without one). A request may half-close after its body, so a body shorter than declared ends
/// early instead of stalling. An answer that does not come within the timeout fails the case: a hang is a finding.
/// </summary>
public static class Wire
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<WireResponse> SendAsync(Uri server, WireRequest request)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = client.GetStream();
        var body = request.Body ?? [];
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{request.Method} {request.Target} HTTP/1.1\r\n")
            .Append(CultureInfo.InvariantCulture, $"Host: {server.Authority}\r\n")
            .Append("Connection: close\r\n");
        foreach (var (name, value) in request.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        if (request.Chunked)
        {
            head.Append("Transfer-Encoding: chunked\r\n");
        }
        else if (request.Body is not null || request.DeclaredLength is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {request.DeclaredLength ?? body.Length}\r\n");
        }

        head.Append("\r\n");
        try
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()), timeout.Token);
            if (request.Chunked)
            {
                if (body.Length > 0)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"{body.Length:x}\r\n"), timeout.Token);
                    await stream.WriteAsync(body, timeout.Token);
                    await stream.WriteAsync("\r\n"u8.ToArray(), timeout.Token);
                }

                await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), timeout.Token);
            }
            else
            {
                await stream.WriteAsync(body, timeout.Token);
            }

            await stream.FlushAsync(timeout.Token);
            if (request.HalfClose)
            {
                client.Client.Shutdown(SocketShutdown.Send);
            }
        }
        catch (IOException)
        {
            // The server may answer and close before it has read everything (a 413 on the declared length).
        }

        using var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received, timeout.Token);
        }
        catch (IOException)
        {
            // A reset: what arrived before it is the answer, and nothing is no answer.
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new Xunit.Sdk.XunitException($"{request}: no complete answer within {Timeout.TotalSeconds} s (received {received.Length} bytes)");
        }

        return Parse(request, received.ToArray());
    }

    private static WireResponse Parse(WireRequest request, byte[] raw)
    {
        if (raw.Length == 0)
        {
            // The server closed without answering: Kestrel does so when the client ends its side mid-body.
            return new WireResponse(0, new Dictionary<string, string>(), []);
        }

        var end = IndexOf(raw, "\r\n\r\n"u8);
        if (end < 0)
        {
            throw new Xunit.Sdk.XunitException($"{request}: the answer has no complete head ({raw.Length} bytes: {Encoding.ASCII.GetString(raw)})");
        }

        var lines = Encoding.Latin1.GetString(raw, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var seen) ? $"{seen}, {value}" : value;
        }

        var rest = raw.AsSpan(end + 4);
        byte[] body;
        if (request.Method == "HEAD" || status is 204 or 304 || status < 200)
        {
            body = [];
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(request, rest);
        }
        else if (headers.TryGetValue("Content-Length", out var length))
        {
            var count = int.Parse(length, CultureInfo.InvariantCulture);
            if (rest.Length < count)
            {
                throw new Xunit.Sdk.XunitException($"{request}: the answer says Content-Length {count} but carries {rest.Length} bytes");
            }

            body = rest[..count].ToArray();
        }
        else
        {
            body = rest.ToArray();
        }

        return new WireResponse(status, headers, body);
    }

    private static byte[] Dechunk(WireRequest request, ReadOnlySpan<byte> chunked)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var lineEnd = IndexOf(chunked, "\r\n"u8);
            if (lineEnd < 0)
            {
                throw new Xunit.Sdk.XunitException($"{request}: the chunked answer ends early");
            }

            var size = int.Parse(Encoding.ASCII.GetString(chunked[..lineEnd]).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            chunked = chunked[(lineEnd + 2)..];
            if (size == 0)
            {
                return body.ToArray();
            }

            body.Write(chunked[..size]);
            chunked = chunked[(size + 2)..];
        }
    }

    private static int IndexOf(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> value) => bytes.IndexOf(value);
}
