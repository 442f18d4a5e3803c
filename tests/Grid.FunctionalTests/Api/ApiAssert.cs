using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ModelGrid.FunctionalTests.Api;

/// <summary>Checks that an answer is a ProblemDetails with the expected status, and returns its detail.</summary>
public static class ApiAssert
{
    public static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)expected, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()));
        var detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? string.Empty : string.Empty;
        Assert.DoesNotContain('\n', detail);
        return detail;
    }

    public static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string title)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var detail = await ProblemAsync(new HttpResponseMessage(response.StatusCode) { Content = new StringContent(body, Encoding.UTF8, "application/problem+json") }, expected);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        return detail;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
