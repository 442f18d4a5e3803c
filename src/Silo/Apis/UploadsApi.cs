using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using ModelGrid.Api;
using ModelGrid.Grains.Telemetry;
using ModelGrid.Hub;
using ModelGrid.Silo.Auth;
using ModelGrid.Silo.Hub;

namespace ModelGrid.Silo.Apis;

/// <summary>
/// Resumable uploads for large files. <c>POST …/versions/{n}/uploads</c> opens a session for a declared file;
/// <c>HEAD /api/v1/uploads/{id}</c> reports <c>Upload-Offset</c>; <c>PATCH</c> appends a chunk at that offset;
/// the last chunk verifies the whole file and attaches it to the draft.
/// </summary>
public static class UploadsApi
{
    public const string OffsetHeader = "Upload-Offset";
    public const string LengthHeader = "Upload-Length";

    public static RouteGroupBuilder MapUploadsApi(this RouteGroupBuilder api)
    {
        var perVersion = api.MapGroup("/models/{owner}/{name}/versions/{reference}/uploads").WithTags("Uploads");
        perVersion.MapPost("/", StartUpload).WithName(nameof(StartUpload))
            .Documented("Open a resumable upload", "Opens an upload session for one file of a draft (declared with it if need be). Send its bytes in chunks with PATCH /api/v1/uploads/{id}; the session's Location is in the answer.")
            .RequestExample($$"""{"path": "model.onnx", "size": 1073741824, "sha256": "{{new string('0', 64)}}"}""")
            .ResponseHeader("Location", "The session, /api/v1/uploads/{id}.", StatusCodes.Status201Created)
            .ResponseHeader(OffsetHeader, "Bytes the hub holds (0).", StatusCodes.Status201Created)
            .ResponseHeader(LengthHeader, "The file's declared size.", StatusCodes.Status201Created)
            .NeedsToken().Problems(400, 403, 404, 409, 413, 503);
        perVersion.MapGet("/", ListUploads).WithName(nameof(ListUploads))
            .Documented("List a draft's open uploads", "The upload sessions of a draft with how many bytes each holds, so an interrupted push can resume.")
            .NeedsToken().Problems(400, 403, 404, 503);

        var uploads = api.MapGroup("/uploads").WithTags("Uploads");
        uploads.MapMethods("/{id}", [HttpMethods.Get, HttpMethods.Head], GetUpload).WithName(nameof(GetUpload))
            .Documented("Get an upload's offset", "How many bytes the hub holds (Upload-Offset): the next chunk starts there. HEAD answers 204 with the headers alone.")
            .Produces<UploadSessionInfo>()
            .Answers(StatusCodes.Status204NoContent, "No Content: the answer to HEAD, with the headers")
            .ResponseHeader(OffsetHeader, "Bytes the hub holds; the next chunk starts here.", StatusCodes.Status200OK, StatusCodes.Status204NoContent)
            .ResponseHeader(LengthHeader, "The file's declared size.", StatusCodes.Status200OK, StatusCodes.Status204NoContent)
            .NeedsToken().Problems(404, 503);
        uploads.MapMethods("/{id}", [HttpMethods.Patch], AppendChunk).WithName(nameof(AppendChunk))
            .Documented("Append a chunk", "Appends the body at Upload-Offset (at most the session's chunkBytes). 204 while bytes are missing; the last byte verifies the whole file and attaches it to the draft (200, complete). A wrong offset is 409 with the offset the hub holds. A chunk cut short keeps the bytes that arrived.")
            .RawBody("application/offset+octet-stream", "The chunk's bytes.")
            .RequestHeader(OffsetHeader, "The byte offset the chunk starts at; must equal the hub's.", required: true)
            .RequestHeader("Content-Length", "The chunk's length.", required: true)
            .Produces<UploadSessionInfo>()
            .Answers(StatusCodes.Status204NoContent, "No Content: the chunk is stored and more bytes are expected")
            .ResponseHeader(OffsetHeader, "Bytes the hub now holds (with 409: the offset to resume from).", StatusCodes.Status200OK, StatusCodes.Status204NoContent, StatusCodes.Status409Conflict)
            .ResponseHeader(LengthHeader, "The file's declared size.", StatusCodes.Status200OK, StatusCodes.Status204NoContent)
            .NeedsToken().Problems(400, 404, 409, 411, 413, 503).DisableRequestTimeout();
        uploads.MapDelete("/{id}", AbortUpload).WithName(nameof(AbortUpload))
            .Documented("Abort an upload", "Deletes the session and the bytes it holds.")
            .NeedsToken().Problems(404, 503);
        return api;
    }

    public static async Task<Created<UploadSessionInfo>> StartUpload(string owner, string name, string reference, StartUploadRequest request, HttpContext context, HubServices hub)
    {
        var caller = context.Caller();
        var (id, _) = await ModelAccess.PublishableAsync(hub.Grains, caller, owner, name);
        var file = new ManifestFile(request.Path ?? string.Empty, request.Size, request.Sha256 ?? string.Empty);
        if (file.Validate() is { } error)
        {
            throw HubException.Invalid(error);
        }

        if (file.Size > hub.UploadOptions.MaxFileBytes)
        {
            throw new BadHttpRequestException($"the file has {file.Size} bytes; the largest file accepted is {hub.UploadOptions.MaxFileBytes} bytes (Grid:Uploads:MaxFileBytes)", StatusCodes.Status413PayloadTooLarge);
        }

        var number = ModelAccess.ParseNumber(reference);
        await hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(number)).DeclareFile(file);
        var session = await hub.Uploads.StartAsync(id, number, file, caller.DisplayName, context.RequestAborted);
        SetOffsetHeaders(context.Response, session);
        return TypedResults.Created($"/api/v1/uploads/{session.Id}", session);
    }

    public static async Task<Ok<IReadOnlyList<UploadSessionInfo>>> ListUploads(string owner, string name, string reference, HttpContext context, HubServices hub)
    {
        var (id, _) = await ModelAccess.PublishableAsync(hub.Grains, context.Caller(), owner, name);
        return TypedResults.Ok(await hub.Uploads.ListAsync(id, ModelAccess.ParseNumber(reference), context.RequestAborted));
    }

    public static async Task<IResult> GetUpload(string id, HttpContext context, HubServices hub)
    {
        var (record, offset) = await AuthorizedAsync(id, context, hub);
        var info = new UploadSessionInfo(record.Id, record.Model, record.Version, record.Path, record.Size, record.Sha256, offset, hub.UploadOptions.ChunkBytes, false);
        SetOffsetHeaders(context.Response, info);
        return HttpMethods.IsHead(context.Request.Method) ? TypedResults.NoContent() : TypedResults.Ok(info);
    }

    public static async Task<IResult> AppendChunk(string id, HttpContext context, HubServices hub)
    {
        // Nothing here observes RequestAborted: Kestrel fires it as soon as the client hangs up, even with part of
        // the chunk still buffered. Reading on keeps the bytes that did arrive (the body read fails after them), so
        // the upload resumes after them instead of re-sending the whole chunk.
        var (record, _) = await AuthorizedAsync(id, context, hub, CancellationToken.None);
        var offsetText = context.Request.Headers[OffsetHeader].ToString();
        if (!long.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            throw HubException.Invalid($"a chunk needs the {OffsetHeader} header: the byte offset it starts at");
        }

        var length = context.Request.ContentLength
            ?? throw new BadHttpRequestException("a chunk needs a Content-Length", StatusCodes.Status411LengthRequired);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = hub.UploadOptions.ChunkBytes;
        }

        var info = await hub.Uploads.AppendAsync(record, offset, length, context.Request.Body, CancellationToken.None);
        GridMetrics.Uploaded(info.Offset - offset);
        SetOffsetHeaders(context.Response, info);
        return info.Complete ? TypedResults.Ok(info) : TypedResults.NoContent();
    }

    public static async Task<NoContent> AbortUpload(string id, HttpContext context, HubServices hub)
    {
        await AuthorizedAsync(id, context, hub);
        await hub.Uploads.AbortAsync(id, context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static Task<(UploadSessionRecord Record, long Offset)> AuthorizedAsync(string id, HttpContext context, HubServices hub) =>
        AuthorizedAsync(id, context, hub, context.RequestAborted);

    private static async Task<(UploadSessionRecord Record, long Offset)> AuthorizedAsync(string id, HttpContext context, HubServices hub, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        if (caller.IsAnonymous)
        {
            throw HubException.Unauthorized("upload sessions need a token with the publish scope");
        }

        var session = await hub.Uploads.GetAsync(id, cancellationToken);
        if (!caller.CanPublish(session.Record.Model.Owner))
        {
            throw UploadSessions.NotFound(id);
        }

        return session;
    }

    private static void SetOffsetHeaders(HttpResponse response, UploadSessionInfo info)
    {
        response.Headers[OffsetHeader] = info.Offset.ToString(CultureInfo.InvariantCulture);
        response.Headers[LengthHeader] = info.Size.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
    }
}
