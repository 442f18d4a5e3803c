using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using ModelGrid.Api;
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
        files.MapMethods("/{**path}", [HttpMethods.Get, HttpMethods.Head], Download).WithName(nameof(Download));
        files.MapPut("/{**path}", Upload).WithName(nameof(Upload)).DisableRequestTimeout();
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
            var flushed = await writer.FlushAsync(cancellationToken);
            if (flushed.IsCompleted || flushed.IsCanceled)
            {
                return;
            }
        }
    }
}
