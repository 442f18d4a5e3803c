using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>
/// Requests Kestrel refuses before the application sees them (a %00 in the path, headers or a request line over its
/// limits) are answered with problem+json like every other error, over a real socket to the real silo.
/// </summary>
public sealed class ServerRejectionTests(SiloFixture silo) : IClassFixture<SiloFixture>
{
    [Fact]
    public async Task NulInThePath_Is400ProblemJson()
    {
        var (status, headers, body) = await ExchangeAsync("GET /api/v1/models/a%00b HTTP/1.1\r\nHost: grid\r\n\r\n");

        AssertProblem(status, headers, body, 400, "Bad request", "the request could not be read: its request line, target or headers are malformed (e.g. %00 or a control character in the path)");
    }

    [Fact]
    public async Task A64KiBHeader_Is431ProblemJsonNamingTheLimits()
    {
        var (status, headers, body) = await ExchangeAsync($"GET /api/v1/models HTTP/1.1\r\nHost: grid\r\nX-Big: {new string('x', 64 << 10)}\r\n\r\n");

        AssertProblem(status, headers, body, 431, "Request header fields too large", "the request headers are larger than the 32768 bytes or 100 fields accepted");
    }

    [Fact]
    public async Task ARequestLineOver8KiB_Is414ProblemJson()
    {
        var (status, headers, body) = await ExchangeAsync($"GET /api/v1/models/{new string('a', 9000)} HTTP/1.1\r\nHost: grid\r\n\r\n");

        AssertProblem(status, headers, body, 414, "URI too long", "the request line is longer than the 8192 bytes accepted");
    }

    [Fact]
    public async Task RefusalAfterAnAnsweredRequestOnTheSameConnection_IsProblemJsonAndTheFirstAnswerIsUntouched()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(silo.Silo.Url.Host, silo.Silo.Url.Port, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /health HTTP/1.1\r\nHost: grid\r\n\r\nGET /api/v1/models/a%00b HTTP/1.1\r\nHost: grid\r\n\r\n"), TestContext.Current.CancellationToken);
        var text = await ReadToCloseAsync(stream);

        var second = text.IndexOf("HTTP/1.1 400", StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Healthy", text[..second], StringComparison.Ordinal);
        Assert.DoesNotContain("problem+json", text[..second], StringComparison.Ordinal);
        var (status, headers, body) = Parse(text[second..]);
        AssertProblem(status, headers, body, 400, "Bad request", "the request could not be read: its request line, target or headers are malformed (e.g. %00 or a control character in the path)");
    }

    private static void AssertProblem(int status, string headers, string body, int expectedStatus, string title, string detail)
    {
        Assert.Equal(expectedStatus, status);
        Assert.Contains("\r\nContent-Type: application/problem+json\r\n", headers, StringComparison.Ordinal);
        Assert.Contains($"\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n", headers, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(expectedStatus, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
    }

    private async Task<(int Status, string Headers, string Body)> ExchangeAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(silo.Silo.Url.Host, silo.Silo.Url.Port, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), TestContext.Current.CancellationToken);
        return Parse(await ReadToCloseAsync(stream));
    }

    /// <summary>Reads until the server closes the connection, as it does after refusing a request.</summary>
    private static async Task<string> ReadToCloseAsync(NetworkStream stream)
    {
        using var received = new MemoryStream();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var buffer = new byte[8192];
        int read;
        try
        {
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset after the answer (the server closed with unread request bytes) ends the exchange too.
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }

    private static (int Status, string Headers, string Body) Parse(string response)
    {
        var end = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, $"no complete response head: {response}");
        return (int.Parse(response.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture), response[..(end + 2)], response[(end + 4)..]);
    }
}
