using System.Text;

namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>
/// One HTTP/1.1 request exactly as it goes on the wire: the request target as written (percent-encodings, dot
/// segments and all, which HttpClient would normalise), any headers, and a body whose declared length may lie.
/// </summary>
public sealed record WireRequest(string Method, string Target)
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public byte[]? Body { get; init; }

    /// <summary>The Content-Length sent, when it is not the body's length (a body cut short, or longer than said).</summary>
    public long? DeclaredLength { get; init; }

    /// <summary>Sends the body with <c>Transfer-Encoding: chunked</c> and no Content-Length.</summary>
    public bool Chunked { get; init; }

    /// <summary>Closes the sending side after the body: a body shorter than declared then ends instead of stalling.</summary>
    public bool HalfClose { get; init; }

    /// <summary>Declares <paramref name="length"/> bytes but sends only the body, then half-closes.</summary>
    public WireRequest CutShort(long length) => this with { DeclaredLength = length, HalfClose = true };

    public static WireRequest Get(string target) => new("GET", target);

    public WireRequest Header(string name, string value) => this with { Headers = [.. Headers, new(name, value)] };

    public WireRequest Json(string json) => this with { Body = Encoding.UTF8.GetBytes(json), Headers = [.. Headers, new("Content-Type", "application/json")] };

    public WireRequest Bytes(byte[] body, string contentType = "application/octet-stream") =>
        this with { Body = body, Headers = [.. Headers, new("Content-Type", contentType)] };

    public WireRequest Bearer(string? authorization) =>
        authorization is null ? this : Header("Authorization", authorization);

    public override string ToString() => $"{Method} {Target}";
}
