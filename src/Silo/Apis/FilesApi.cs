using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using ModelGrid.Api;
using ModelGrid.Grains.Telemetry;
using ModelGrid.Hub;
using ModelGrid.Silo.Auth;
using ModelGrid.Silo.Hub;
using ModelGrid.Storage.Content;

namespace ModelGrid.Silo.Apis;

/// <summary>
/// <c>…/versions/{ref}/files/{**path}</c>: streamed, verified uploads into a draft (PUT) and downloads with
/// <c>Range</c>, <c>If-Range</c>, <c>If-None-Match</c> and <c>HEAD</c>, straight between HTTP and the blob store.
/// </summary>
public static class FilesApi
{
    public const string Sha256Header = "X-Grid-Sha256";
    private const int CopyChunkBytes = 1 << 20;

    public static RouteGroupBuilder MapFilesApi(this RouteGroupBuilder api)
    {
        var files = api.MapGroup("/models/{owner}/{name}/versions/{reference}/files").WithTags("Files");
        files.MapMethods("/{**path}", [HttpMethods.Get, HttpMethods.Head], Download).WithName(nameof(Download))
            .Documented("Download a file", "Streams a file of a published version (by number, alias or revision id). One byte range is served with Range (206, or 416 outside the file); If-Range with the ETag resumes only while the content is the same (another validator gets the whole file); If-None-Match with the ETag answers 304. HEAD answers the headers alone. A draft's files are not served (404); a withdrawn version's answer 410 with the reason.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream")
            .Produces<Stream>(StatusCodes.Status206PartialContent, "application/octet-stream")
            .Answers(StatusCodes.Status304NotModified, "Not Modified: If-None-Match holds the file's ETag")
            .RequestHeader("Range", "One byte range, e.g. bytes=0-1023, bytes=1024- or bytes=-512.")
            .RequestHeader("If-Range", "The ETag of a partial download being resumed; the range is served only while it matches.")
            .RequestHeader("If-None-Match", "An ETag the caller holds; 304 when it matches.")
            .ResponseHeader("ETag", "The file's SHA-256, quoted.", StatusCodes.Status200OK, StatusCodes.Status206PartialContent, StatusCodes.Status304NotModified)
            .ResponseHeader("Accept-Ranges", "bytes", StatusCodes.Status200OK, StatusCodes.Status206PartialContent)
            .ResponseHeader("Content-Range", "bytes first-last/size for 206, bytes */size for 416.", StatusCodes.Status206PartialContent, StatusCodes.Status416RangeNotSatisfiable)
            .ResponseHeader("Content-Disposition", "attachment; filename=\"<ASCII>\"; filename*=UTF-8''<name> for names beyond ASCII.", StatusCodes.Status200OK, StatusCodes.Status206PartialContent)
            .ResponseHeader("X-Grid-Version", "The version number the reference resolved to.", StatusCodes.Status200OK, StatusCodes.Status206PartialContent, StatusCodes.Status304NotModified)
            .ResponseHeader("X-Grid-Revision", "The version's revision id.", StatusCodes.Status200OK, StatusCodes.Status206PartialContent, StatusCodes.Status304NotModified)
            .Problems(400, 404, 410, 416, 503);
        files.MapPut("/{**path}", Upload).WithName(nameof(Upload))
            .Documented("Upload a file into a draft", "Streams the file's bytes (Content-Length = its size) into a draft; the hub hashes them while they arrive and stores them only when size and SHA-256 match the declaration. A file not yet declared is declared by X-Grid-Sha256. outcome is deduplicated only when the caller could know the hub held these bytes, else created. Large files are better sent as a resumable upload.")
            .RawBody("application/octet-stream", "The file's bytes.")
            .RequestHeader(Sha256Header, "The file's SHA-256 (64 lowercase hex); required when the file is not declared in the draft, else it must match the declaration.")
            .RequestHeader("Content-Length", "The file's size in bytes.", required: true)
            .NeedsToken().Problems(400, 403, 404, 409, 411, 413, 503).DisableRequestTimeout();
        return api;
    }

    public static async Task Download(string owner, string name, string reference, string path, HttpContext context, HubServices hub)
    {
        var caller = context.Caller();
        var (id, _) = await ModelAccess.ReadableAsync(hub.Grains, caller, owner, name);
        var version = await ModelAccess.ResolveVersionAsync(hub.Grains, caller, id, reference);
        if (version.Status == VersionStatus.Draft)
        {
            throw HubException.NotFound("Version not published", $"{id}@{version.Number} is a draft; its files are served once it is published");
        }

        if (version.Status == VersionStatus.Withdrawn)
        {
            throw new HubException(HubErrorKind.Gone, "Version withdrawn", $"{id}@{version.Number} was withdrawn: {version.WithdrawnReason}");
        }

        if (Names.ValidateFilePath(path) is { } pathError)
        {
            throw HubException.Invalid(pathError);
        }

        var file = version.Files.FirstOrDefault(f => f.Path == path)
            ?? throw HubException.NotFound("File not found", $"{id}@{version.Number} has no file '{path}'");

        var response = context.Response;
        var etag = $"\"{file.Sha256}\"";
        response.Headers.ETag = etag;
        response.Headers.AcceptRanges = "bytes";
        response.Headers["X-Grid-Version"] = version.Number.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Grid-Revision"] = version.RevisionId;
        if (RangeDecision.MatchesIfNoneMatch(context.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var decision = RangeDecision.Decide(context.Request, file.Size, etag);
        if (decision.Outcome == RangeOutcome.Unsatisfiable)
        {
            // Written here rather than thrown: the exception handler clears headers, and 416 must carry Content-Range.
            response.Headers.ContentRange = $"bytes */{file.Size}";
            await TypedResults.Problem(
                $"the file has {file.Size} bytes; the requested range lies outside it",
                statusCode: StatusCodes.Status416RangeNotSatisfiable,
                title: "Range not satisfiable").ExecuteAsync(context);
            return;
        }

        var range = decision.Range;
        response.ContentType = "application/octet-stream";
        response.Headers.ContentDisposition = AttachmentDisposition.For(Path.GetFileName(path));
        response.ContentLength = range.Length;
        if (decision.Outcome == RangeOutcome.Partial)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {range.Offset}-{range.Last}/{file.Size}";
        }

        if (HttpMethods.IsHead(context.Request.Method) || range.Length == 0)
        {
            return;
        }

        await using var reader = await hub.Content.OpenReadAsync(file.Sha256, range, context.RequestAborted)
            ?? throw new InvalidOperationException($"the content of {id}@{version.Number}/{path} ({file.Sha256}) is missing from storage");
        await CopyAsync(reader.Content, response, range.Length, context.RequestAborted);
    }

    public static async Task<Ok<FileUploadResult>> Upload(string owner, string name, string reference, string path, HttpContext context, HubServices hub)
    {
        var caller = context.Caller();
        var (id, _) = await ModelAccess.PublishableAsync(hub.Grains, caller, owner, name);
        var grain = hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(ModelAccess.ParseNumber(reference)));
        var version = await grain.Get() ?? throw HubException.NotFound("Version not found", $"{id} has no version {reference}");
        if (version.Status != VersionStatus.Draft)
        {
            throw HubException.Conflict("Version is immutable", $"{id}@{version.Number} is {version.Status.ToString().ToLowerInvariant()}; its files never change — open a new draft instead");
        }

        if (Names.ValidateFilePath(path) is { } pathError)
        {
            throw HubException.Invalid(pathError);
        }

        var size = context.Request.ContentLength
            ?? throw new BadHttpRequestException("the upload needs a Content-Length (its declared size)", StatusCodes.Status411LengthRequired);
        if (size > hub.UploadOptions.MaxFileBytes)
        {
            throw new BadHttpRequestException($"the file has {size} bytes; the largest file accepted is {hub.UploadOptions.MaxFileBytes} bytes (Grid:Uploads:MaxFileBytes)", StatusCodes.Status413PayloadTooLarge);
        }

        var declaredSha = context.Request.Headers[Sha256Header].ToString();
        var existing = version.Files.FirstOrDefault(f => f.Path == path);
        ManifestFile file;
        var declare = existing is null;
        if (existing is not null)
        {
            if ((declaredSha.Length > 0 && declaredSha != existing.Sha256) || size != existing.Size)
            {
                throw HubException.Conflict("File declared differently", $"'{path}' is declared with size {existing.Size} and sha256 {existing.Sha256}; the upload says size {size}{(declaredSha.Length > 0 ? $" and sha256 {declaredSha}" : string.Empty)}; to declare it again, DELETE …/versions/{version.Number}/files/{path} first");
            }

            file = existing.ToManifestFile();
        }
        else
        {
            if (!Names.IsSha256(declaredSha))
            {
                throw HubException.Invalid($"'{path}' is not declared in the draft; send its SHA-256 (64 lowercase hex) in the {Sha256Header} header");
            }

            // Checked as the draft will check it, but the declaration is recorded only once the content matches it: a
            // refused upload leaves the draft as it was.
            file = new ManifestFile(path, size, declaredSha);
            if ((ManifestPaths.ValidatePortable(path) ?? ManifestPaths.FindConflict(version.Files.Select(f => f.Path), path)) is { } unportable)
            {
                throw HubException.Invalid(unportable);
            }
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = hub.UploadOptions.MaxFileBytes;
        }

        var stored = await hub.Content.IngestAsync(context.Request.BodyReader, file.Size, file.Sha256, context.RequestAborted);
        GridMetrics.Uploaded(file.Size);
        if (declare)
        {
            await grain.DeclareFile(file);
        }

        // "deduplicated" only for a caller who could know the hub holds these bytes (DESIGN §9.2); anyone else hears
        // "created", as for new content. Asked on every upload and before this draft records the digest as its own.
        var known = await hub.Reuse.MayReuseAsync(caller, file.Sha256, context.RequestAborted);
        await grain.MarkPresent(file);
        var outcome = stored.Outcome == IngestOutcome.Deduplicated && known ? "deduplicated" : "created";
        return TypedResults.Ok(new FileUploadResult(file.Path, file.Size, file.Sha256, outcome));
    }

    /// <summary>Copies blob content into the response through its pipe, 1 MiB at a time, with no intermediate buffer.</summary>
    private static async Task CopyAsync(Stream source, HttpResponse response, long count, CancellationToken cancellationToken)
    {
        var writer = response.BodyWriter;
        var remaining = count;
        while (remaining > 0)
        {
            var memory = writer.GetMemory(CopyChunkBytes);
            var read = await source.ReadAsync(memory[..(int)Math.Min(memory.Length, remaining)], cancellationToken);
            if (read == 0)
            {
                throw new IOException($"the stored content ended {remaining} bytes early");
            }

            writer.Advance(read);
            remaining -= read;
            GridMetrics.Downloaded(read);
            var flushed = await writer.FlushAsync(cancellationToken);
            if (flushed.IsCompleted || flushed.IsCanceled)
            {
                return;
            }
        }
    }
}
