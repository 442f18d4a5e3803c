using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>
/// Gives Kestrel's own refusals (400 for an unreadable request line or target such as <c>%00</c>, 414, 431, 408, …)
/// a problem+json body with a title and a one-line detail, like every answer of the application. Kestrel offers no
/// way to shape them (they never reach the application), so the connection's output is watched instead: see
/// <see cref="RejectionProblemWriter"/>.
/// </summary>
public static class RejectionProblems
{
    private static readonly object WriterKey = new();
    private static readonly byte[] EmptyBodyLine = "\r\nContent-Length: 0\r\n"u8.ToArray();

    /// <summary>Watches every HTTP/1.x connection of <paramref name="listen"/>.</summary>
    /// <param name="listen">An endpoint.</param>
    /// <param name="limits">Kestrel's limits, named in the details of 414 and 431.</param>
    public static ListenOptions UseRejectionProblems(this ListenOptions listen, KestrelServerLimits limits)
    {
        ArgumentNullException.ThrowIfNull(listen);
        if (!listen.Protocols.HasFlag(HttpProtocols.Http1))
        {
            return listen;
        }

        listen.Use(next => connection =>
        {
            var writer = new RejectionProblemWriter(connection.Transport.Output, status => Describe(status, limits));
            connection.Items[WriterKey] = writer;
            connection.Transport = new DuplexPipe(connection.Transport.Input, writer);
            return next(connection);
        });
        return listen;
    }

    /// <summary>Marks each request as with the application from its first middleware until its response is complete.</summary>
    /// <param name="app">The application.</param>
    public static IApplicationBuilder UseRejectionProblems(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Features.Get<IConnectionItemsFeature>()?.Items is { } items
                && items.TryGetValue(WriterKey, out var found)
                && found is RejectionProblemWriter writer)
            {
                writer.BeginRequest();
                context.Response.OnCompleted(() =>
                {
                    writer.EndRequest();
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });

    /// <summary>
    /// When <paramref name="output"/> is exactly one HTTP/1.x error head announcing an empty body, the same head with
    /// <c>Content-Type: application/problem+json</c> and the problem body; otherwise null.
    /// </summary>
    /// <param name="output">Bytes a server wrote while no request was with the application.</param>
    /// <param name="describe">The title and detail of a status.</param>
    public static byte[]? TryAddBody(ReadOnlySpan<byte> output, Func<int, (string Title, string Detail)> describe)
    {
        ArgumentNullException.ThrowIfNull(describe);
        if (output.Length < 16
            || !output.StartsWith("HTTP/1."u8)
            || !output.EndsWith("\r\n\r\n"u8)
            || output.IndexOf("\r\n\r\n"u8) != output.Length - 4
            || !int.TryParse(output.Slice(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            || status < 400)
        {
            return null;
        }

        var emptyBody = output.IndexOf(EmptyBodyLine);
        if (emptyBody < 0)
        {
            return null;
        }

        var (title, detail) = describe(status);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
        });
        var headers = Encoding.ASCII.GetBytes(
            $"\r\nContent-Type: application/problem+json\r\nX-Content-Type-Options: nosniff\r\nContent-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\n");
        return [.. output[..emptyBody], .. headers, .. output[(emptyBody + EmptyBodyLine.Length)..], .. body];
    }

    /// <summary>The title and one-line detail of a status Kestrel answers by itself.</summary>
    /// <param name="status">The status code.</param>
    /// <param name="limits">Kestrel's limits.</param>
    public static (string Title, string Detail) Describe(int status, KestrelServerLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return status switch
        {
            StatusCodes.Status400BadRequest => ("Bad request", "the request could not be read: its request line, target or headers are malformed (e.g. %00 or a control character in the path)"),
            StatusCodes.Status405MethodNotAllowed => ("Method not allowed", "the request method cannot be used with this kind of target"),
            StatusCodes.Status408RequestTimeout => ("Request timeout", "the request headers did not arrive in time"),
            StatusCodes.Status413PayloadTooLarge => ("Request body too large", "the request body is larger than this route accepts"),
            StatusCodes.Status414UriTooLong => ("URI too long", $"the request line is longer than the {limits.MaxRequestLineSize.ToString(CultureInfo.InvariantCulture)} bytes accepted"),
            StatusCodes.Status431RequestHeaderFieldsTooLarge => (
                "Request header fields too large",
                $"the request headers are larger than the {limits.MaxRequestHeadersTotalSize.ToString(CultureInfo.InvariantCulture)} bytes or {limits.MaxRequestHeaderCount.ToString(CultureInfo.InvariantCulture)} fields accepted"),
            StatusCodes.Status505HttpVersionNotsupported => ("HTTP version not supported", "the request uses an HTTP version not spoken here; use HTTP/1.1"),
            _ => ("Request refused", $"the server refused the request ({status.ToString(CultureInfo.InvariantCulture)}) before reading it"),
        };
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
