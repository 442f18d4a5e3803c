using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace ModelGrid.Benchmarks.Hub;

/// <summary>
/// Range correctness in the same run: first byte, last byte, a middle span across 1 MiB copy chunks, a suffix and an
/// open-ended range, each compared with the file's bytes (206, Content-Range, body); and the whole body's SHA-256.
/// </summary>
public static class RangeCheck
{
    public static async Task<IReadOnlyList<RangeCheckResult>> RunAsync(
        IReadOnlyList<BenchServer> servers, string file, long size, CancellationToken cancellationToken)
    {
        var middle = (size / 2) - 1_234_567;
        (string Case, string Header, long Offset, long Length)[] cases =
        [
            ("first byte", "bytes=0-0", 0, 1),
            ("last byte", $"bytes={size - 1}-{size - 1}", size - 1, 1),
            ("middle span", $"bytes={middle}-{middle + 3_158_000}", middle, 3_158_001),
            ("suffix", "bytes=-1500001", size - 1_500_001, 1_500_001),
            ("open-ended", $"bytes={size - 4_000_003}-", size - 4_000_003, 4_000_003),
        ];

        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var results = new List<RangeCheckResult>();
        foreach (var (name, header, offset, length) in cases)
        {
            var expected = TestFile.ReadRange(file, offset, (int)length);
            var contentRange = $"bytes {offset}-{offset + length - 1}/{size}";
            foreach (var server in servers)
            {
                using var request = Request(server);
                request.Headers.TryAddWithoutValidation("Range", header);
                using var response = await http.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                results.Add(new RangeCheckResult(
                    name, header, contentRange, server.Name, (int)response.StatusCode, response.Content.Headers.ContentRange?.ToString() ?? "(none)", body.AsSpan().SequenceEqual(expected)));
            }
        }

        return results;
    }

    /// <summary>The SHA-256 of a server's whole answer (200, no Range), to prove the full body is the file.</summary>
    public static async Task<string> FullDigestAsync(BenchServer server, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        using var request = Request(server);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(body, cancellationToken));
    }

    private static HttpRequestMessage Request(BenchServer server)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, server.FileUri);
        if (server.BearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.BearerToken);
        }

        return request;
    }
}
