using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using ModelGrid.Api;
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
        var perVersion = api.MapGroup("/models/{owner}/{name}/versions/{version}/uploads").WithTags("Uploads");
        perVersion.MapPost("/", StartUpload).WithName(nameof(StartUpload));
        perVersion.MapGet("/", ListUploads).WithName(nameof(ListUploads));

        var uploads = api.MapGroup("/uploads").WithTags("Uploads");
        uploads.MapMethods("/{id}", [HttpMethods.Get, HttpMethods.Head], GetUpload).WithName(nameof(GetUpload));
        uploads.MapMethods("/{id}", [HttpMethods.Patch], AppendChunk).WithName(nameof(AppendChunk)).DisableRequestTimeout();
        uploads.MapDelete("/{id}", AbortUpload).WithName(nameof(AbortUpload));
        return api;
    }

    public static async Task<Created<UploadSessionInfo>> StartUpload(string owner, string name, string version, StartUploadRequest request, HttpContext context, HubServices hub)
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

        var number = ModelAccess.ParseNumber(version);
        await hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(number)).DeclareFile(file);
        var session = await hub.Uploads.StartAsync(id, number, file, caller.DisplayName, context.RequestAborted);
        SetOffsetHeaders(context.Response, session);
        return TypedResults.Created($"/api/v1/uploads/{session.Id}", session);
    }

    public static async Task<Ok<IReadOnlyList<UploadSessionInfo>>> ListUploads(string owner, string name, string version, HttpContext context, HubServices hub)
    {
        var (id, _) = await ModelAccess.PublishableAsync(hub.Grains, context.Caller(), owner, name);
        return TypedResults.Ok(await hub.Uploads.ListAsync(id, ModelAccess.ParseNumber(version), context.RequestAborted));
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
