using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using ModelGrid.Hub;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>
/// Answers a JSON request body the endpoint cannot read with a 400 that says what is wrong and where: the line and
/// byte of malformed JSON and what was expected there, or the member that is unknown, missing, given twice or of the
/// wrong type (<see cref="RequestBodyCheck"/>). The body of an endpoint that takes JSON is kept (in memory, or in a
/// temporary file past a small size) so it can be read again when binding fails; endpoints that stream bodies do not
/// take JSON and are passed through untouched.
/// </summary>
public sealed class RequestBodyProblems(RequestDelegate next, IOptions<JsonOptions> json)
{
    public const string Title = "Invalid request body";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is not { RequestType: { } contract } accepts
            || !accepts.ContentTypes.Any(t => t.Contains("json", StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();
        string? detail;
        try
        {
            await next(context);
            return;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            // Routing answers a body of another type itself; a body without a Content-Type reaches the binding.
            throw new BadHttpRequestException(ProblemDetailText.NotJson(context), StatusCodes.Status415UnsupportedMediaType, e);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status400BadRequest && (e.InnerException is JsonException || e.Message.Contains("body", StringComparison.Ordinal)))
        {
            detail = await DescribeAsync(context, contract, e);
            if (detail is null)
            {
                throw;
            }
        }

        throw new HubException(HubErrorKind.Invalid, Title, detail);
    }

    private async Task<string?> DescribeAsync(HttpContext context, Type contract, BadHttpRequestException error)
    {
        var options = json.Value.SerializerOptions;
        var info = options.GetTypeInfo(contract);
        var body = context.Request.Body;
        if (!body.CanSeek)
        {
            return Fallback(error);
        }

        body.Position = 0;
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, context.RequestAborted);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return $"the request body is empty; send a JSON object with members {RequestBodyCheck.Members(info)}";
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = options.MaxDepth == 0 ? 64 : options.MaxDepth });
            return RequestBodyCheck.FirstProblem(document.RootElement, info) ?? Fallback(error);
        }
        catch (JsonException syntax)
        {
            return $"the request body is not valid JSON at line {syntax.LineNumber + 1}, byte {syntax.BytePositionInLine + 1}: {Reason(syntax.Message)}";
        }
        catch (InvalidOperationException)
        {
            // A string the reader cannot turn into text.
            return "the request body is not valid UTF-8";
        }
    }

    /// <summary>What the serializer said, where no check above names the problem.</summary>
    private static string? Fallback(BadHttpRequestException error) => error.InnerException is JsonException inner
        ? $"the request body cannot be read at {inner.Path ?? "$"}: {Reason(inner.Message)}"
        : null;

    /// <summary>The reader's message without the position it appends (which is given in the project's own words).</summary>
    private static string Reason(string message)
    {
        var cut = message.Length;
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && at < cut)
            {
                cut = at;
            }
        }

        return message[..cut].Trim();
    }
}
