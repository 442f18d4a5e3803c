using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using ModelGrid.Silo.Infrastructure;

namespace ModelGrid.Silo.Tests.Infrastructure;

public sealed class RejectionProblemsTests
{
    private const string KestrelHead = "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\nDate: Mon, 07 Dec 2026 02:50:56 GMT\r\nServer: Kestrel\r\n\r\n";

    [Fact]
    public void TryAddBody_KestrelsEmptyErrorHead_GetsAProblemBodyAndItsLength()
    {
        var answered = RejectionProblems.TryAddBody(Encoding.ASCII.GetBytes(KestrelHead), status => ("Too large", $"status {status}"));

        const string Body = "{\"title\":\"Too large\",\"status\":431,\"detail\":\"status 431\"}";
        Assert.Equal(
            "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: application/problem+json\r\nX-Content-Type-Options: nosniff\r\nContent-Length: " + Body.Length
            + "\r\nConnection: close\r\nDate: Mon, 07 Dec 2026 02:50:56 GMT\r\nServer: Kestrel\r\n\r\n" + Body,
            Encoding.UTF8.GetString(answered!));
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("HTTP/1.1 304 Not Modified\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 5\r\n\r\nhello")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\nHTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n")]
    [InlineData("\0\0\u0008\u0007\0\0\0\0\0\0\0\0\0\0\0\0\0\u0001")]
    [InlineData("")]
    public void TryAddBody_AnythingElse_IsLeftAlone(string output)
    {
        Assert.Null(RejectionProblems.TryAddBody(Encoding.ASCII.GetBytes(output), _ => ("t", "d")));
    }

    [Theory]
    [InlineData(400, "Bad request")]
    [InlineData(408, "Request timeout")]
    [InlineData(414, "URI too long")]
    [InlineData(431, "Request header fields too large")]
    [InlineData(505, "HTTP version not supported")]
    [InlineData(418, "Request refused")]
    public void Describe_EveryStatusHasATitleAndAOneLineDetail(int status, string title)
    {
        var (actualTitle, detail) = RejectionProblems.Describe(status, new KestrelServerLimits());

        Assert.Equal(title, actualTitle);
        Assert.DoesNotContain('\n', detail);
        Assert.DoesNotContain("\\u", JsonSerializer.Serialize(detail), StringComparison.Ordinal);
    }
}
