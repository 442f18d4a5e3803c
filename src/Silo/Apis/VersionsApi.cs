using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using ModelGrid.Api;
using ModelGrid.Hub;
using ModelGrid.Silo.Auth;
using ModelGrid.Silo.Hub;
using ModelGrid.Silo.Infrastructure;
using ModelGrid.Storage;

namespace ModelGrid.Silo.Apis;

/// <summary><c>/api/v1/models/{owner}/{name}/versions</c>: drafts, publishing, manifests and withdrawal.</summary>
public static class VersionsApi
{
    private const long MaxCardRequestBytes = 2 << 20;

    public static RouteGroupBuilder MapVersionsApi(this RouteGroupBuilder api)
    {
        var versions = api.MapGroup("/models/{owner}/{name}/versions").WithTags("Versions");
        versions.MapGet("/", ListVersions).WithName(nameof(ListVersions))
            .Documented("List a model's versions", "Newest first, with status. Drafts are listed only to publishers of the owner's namespace; status keeps one status, olderThan (e.g. 7d) or stale=true keep the drafts opened at least that long ago.")
            .Problems(400, 404, 503);
        versions.MapPost("/", CreateDraft).WithName(nameof(CreateDraft))
            .Documented("Open a draft", "Opens the next version as a draft declaring its files (path, size, SHA-256) and, optionally, its card (becomes r1 when published). Files whose content the caller may already read are marked present without an upload.")
            .RequestExample($$"""{"files": [{"path": "model.onnx", "size": 26454, "sha256": "{{new string('0', 64)}}"}], "card": "---\nlicense: MIT\n---\n# My model\n"}""")
            .NeedsToken().Problems(400, 403, 404, 409, 503);
        versions.MapGet("/{reference}", GetVersion).WithName(nameof(GetVersion))
            .Documented("Get a version", "A version by number, alias (latest, main, or a user alias) or revision id (40 or 64 hex): its status, files, revision id and withdrawal.")
            .Problems(400, 404, 503);
        versions.MapGet("/{reference}/manifest", GetManifest).WithName(nameof(GetManifest))
            .Documented("Get a version's manifest", "The canonical JSON manifest of a published version, whose SHA-256 is its revision id (the ETag).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ResponseHeader("ETag", "The revision id, quoted.", StatusCodes.Status200OK)
            .Problems(400, 404, 409, 503);
        versions.MapPost("/{reference}/files", DeclareFile).WithName(nameof(DeclareFile))
            .Documented("Declare a file in a draft", "Adds a file (path, size, SHA-256) to a draft before its upload; content the caller may already read is marked present at once.")
            .RequestExample($$"""{"path": "weights/model.onnx", "size": 26454, "sha256": "{{new string('0', 64)}}"}""")
            .NeedsToken().Problems(400, 403, 404, 409, 503);
        versions.MapPut("/{reference}/card", SetDraftCard).WithName(nameof(SetDraftCard))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxCardRequestBytes))
            .Documented("Set a draft's card", "The body is the model card (Markdown with YAML front matter, UTF-8, at most 2 MiB); it becomes card revision r1 when the draft is published.")
            .RawBody("text/markdown", "The card: Markdown with YAML front matter.", binary: false)
            .NeedsToken().Problems(400, 403, 404, 409, 413, 503);
        versions.MapPost("/{reference}/publish", Publish).WithName(nameof(Publish))
            .WithMetadata(new RepeatableWrite())
            .Documented("Publish a draft", "Checks every declared file against the store, writes the manifest and card r1 and freezes the version; latest moves to it.")
            .NeedsToken().Problems(400, 403, 404, 409, 503);
        versions.MapPost("/{reference}/withdraw", Withdraw).WithName(nameof(Withdraw))
            .Documented("Withdraw a published version", "Its files answer 410 Gone with the reason; latest falls back to the newest version still standing. The version stays auditable.")
            .RequestExample("""{"reason": "the weights leaked private data"}""")
            .NeedsToken().Problems(400, 403, 404, 409, 503);
        versions.MapDelete("/{reference}", DeleteDraft).WithName(nameof(DeleteDraft))
            .Documented("Delete a draft", "Deletes a draft and its open uploads; its number is not used again. Published versions are withdrawn, never deleted (409).")
            .NeedsToken().Problems(400, 403, 404, 409, 503);
        versions.MapDelete("/{reference}/files/{**path}", RemoveFile).WithName(nameof(RemoveFile))
            .Documented("Remove a file from a draft", "Removes a declared file (and its open uploads) from a draft, so a file declared with the wrong size or SHA-256 can be declared again.")
            .NeedsToken().Problems(400, 403, 404, 409, 503);
        return api;
    }

    /// <summary>
    /// The versions the caller may see, newest first: drafts only for publishers of the owner's namespace.
    /// <paramref name="status"/> keeps one status; <paramref name="olderThan"/> (a duration such as <c>7d</c>) or
    /// <paramref name="stale"/> (<c>Grid:Uploads:DraftStaleAfter</c>) keep the drafts opened at least that long ago.
    /// </summary>
    public static async Task<Ok<IReadOnlyList<VersionSummary>>> ListVersions(
        string owner, string name, HttpContext context, HubServices hub, string? status = null, string? olderThan = null, bool stale = false)
    {
        var caller = context.Caller();
        VersionStatus? wanted = status is null ? null : ParseStatus(status);
        TimeSpan? age = null;
        if (olderThan is not null || stale)
        {
            if (wanted is not (null or VersionStatus.Draft))
            {
                throw HubException.Invalid("olderThan and stale select drafts; use them with status=draft or without status");
            }

            wanted = VersionStatus.Draft;
            age = olderThan is null ? hub.UploadOptions.DraftStaleAfter
                : Durations.TryParse(olderThan, out var parsed) ? parsed
                : throw HubException.Invalid($"olderThan '{olderThan}' is not a duration; use e.g. 7d, 36h, 90m");
        }

        var (id, _) = await ModelAccess.ReadableAsync(hub.Grains, caller, owner, name);
        var model = hub.Grains.GetGrain<IModelGrain>(id.ToString());
        var maySeeDrafts = caller.CanPublish(id.Owner);
        if (wanted == VersionStatus.Draft)
        {
            return TypedResults.Ok(maySeeDrafts ? await model.ListDrafts(age) : []);
        }

        var all = await model.ListVersions();
        IReadOnlyList<VersionSummary> visible = [.. all.Where(v => (maySeeDrafts || v.Status != VersionStatus.Draft) && (wanted is null || v.Status == wanted))];
        return TypedResults.Ok(visible);
    }

    /// <summary>Deletes a draft with its open uploads; its number is not used again. Published versions are withdrawn, never deleted.</summary>
    public static async Task<NoContent> DeleteDraft(string owner, string name, string reference, HttpContext context, HubServices hub)
    {
        var caller = context.Caller();
        var (id, _) = await ModelAccess.PublishableAsync(hub.Grains, caller, owner, name);
        var number = ModelAccess.ParseNumber(reference);
        await hub.Grains.GetGrain<IModelGrain>(id.ToString()).DeleteDraft(number, caller.DisplayName);
        foreach (var session in await hub.Uploads.ListAsync(id, number, context.RequestAborted))
        {
            await hub.Uploads.AbortAsync(session.Id, context.RequestAborted);
        }

        return TypedResults.NoContent();
    }

    /// <summary>Removes a declared file from a draft (and its open uploads), so a wrong declaration can be made again.</summary>
    public static async Task<NoContent> RemoveFile(string owner, string name, string reference, string path, HttpContext context, HubServices hub)
    {
        var caller = context.Caller();
        var (id, _) = await ModelAccess.PublishableAsync(hub.Grains, caller, owner, name);
        var number = ModelAccess.ParseNumber(reference);
        await hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(number)).RemoveFile(path);
        foreach (var session in await hub.Uploads.ListAsync(id, number, context.RequestAborted))
        {
            if (session.Path == path)
            {
                await hub.Uploads.AbortAsync(session.Id, context.RequestAborted);
            }
        }

        return TypedResults.NoContent();
    }

    public static async Task<Created<VersionDetails>> CreateDraft(string owner, string name, CreateDraftRequest request, HttpContext context, HubServices hub)
    {
        var caller = context.Caller();
        var (id, _) = await ModelAccess.PublishableAsync(hub.Grains, caller, owner, name);
        var files = request.Files ?? throw HubException.Invalid("a draft needs its list of files");
        foreach (var file in files)
        {
            if (file is null)
            {
                throw HubException.Invalid("a file in 'files' is null; each is {path, size, sha256}");
            }

            if (file.Validate() is { } error)
            {
                throw HubException.Invalid(error);
            }

            if (file.Size > hub.UploadOptions.MaxFileBytes)
            {
                throw HubException.Invalid($"'{file.Path}' has {file.Size} bytes; the largest file accepted is {hub.UploadOptions.MaxFileBytes} bytes (Grid:Uploads:MaxFileBytes)");
            }
        }

        var draft = await hub.Grains.GetGrain<IModelGrain>(id.ToString()).CreateDraft(new DraftRequest(files, request.Card), caller.DisplayName);
        draft = await hub.Reuse.ClaimAsync(caller, draft, context.RequestAborted);
        return TypedResults.Created($"/api/v1/models/{id}/versions/{draft.Number}", draft);
    }

    public static async Task<Ok<VersionDetails>> GetVersion(string owner, string name, string reference, HttpContext context, HubServices hub)
    {
        var caller = context.Caller();
        var (id, _) = await ModelAccess.ReadableAsync(hub.Grains, caller, owner, name);
        return TypedResults.Ok(await ModelAccess.ResolveVersionAsync(hub.Grains, caller, id, reference));
    }

    public static async Task<IResult> GetManifest(string owner, string name, string reference, HttpContext context, HubServices hub)
    {
        var caller = context.Caller();
        var (id, _) = await ModelAccess.ReadableAsync(hub.Grains, caller, owner, name);
        var version = await ModelAccess.ResolveVersionAsync(hub.Grains, caller, id, reference);
        if (version.Status == VersionStatus.Draft)
        {
            throw HubException.Conflict("Version is a draft", $"{id}@{version.Number} is a draft; it has a manifest once it is published");
        }

        await using var reader = await hub.Content.Blobs.OpenReadAsync(HubLayout.Manifest(id, version.Number), cancellationToken: context.RequestAborted)
            ?? throw new InvalidOperationException($"the manifest of {id}@{version.Number} is missing from storage");
        using var buffer = new MemoryStream();
        await reader.Content.CopyToAsync(buffer, context.RequestAborted);
        context.Response.Headers.ETag = $"\"{version.RevisionId}\"";
        return TypedResults.Bytes(buffer.ToArray(), "application/json");
    }

    public static async Task<Ok<DeclaredFile>> DeclareFile(string owner, string name, string reference, ManifestFile file, HttpContext context, HubServices hub)
    {
        var caller = context.Caller();
        var (id, _) = await ModelAccess.PublishableAsync(hub.Grains, caller, owner, name);
        if (file.Size > hub.UploadOptions.MaxFileBytes)
        {
            throw HubException.Invalid($"'{file.Path}' has {file.Size} bytes; the largest file accepted is {hub.UploadOptions.MaxFileBytes} bytes");
        }

        var grain = hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(ModelAccess.ParseNumber(reference)));
        var declared = await grain.DeclareFile(file);
        if (!declared.Present && await hub.Reuse.MayReuseAsync(caller, file.Sha256, context.RequestAborted))
        {
            declared = await grain.MarkPresent(file);
        }

        return TypedResults.Ok(declared);
    }

    public static async Task<Ok<VersionDetails>> SetDraftCard(string owner, string name, string reference, HttpContext context, HubServices hub)
    {
        var caller = context.Caller();
        var (id, _) = await ModelAccess.PublishableAsync(hub.Grains, caller, owner, name);
        var card = await ReadTextAsync(context.Request);
        var grain = hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(ModelAccess.ParseNumber(reference)));
        await grain.SetDraftCard(card);
        return TypedResults.Ok((await grain.Get())!);
    }

    public static async Task<Ok<VersionDetails>> Publish(string owner, string name, string reference, HttpContext context, HubServices hub)
    {
        var caller = context.Caller();
        var (id, _) = await ModelAccess.PublishableAsync(hub.Grains, caller, owner, name);
        return TypedResults.Ok(await hub.Grains.GetGrain<IModelGrain>(id.ToString()).Publish(ModelAccess.ParseNumber(reference), caller.DisplayName));
    }

    public static async Task<Ok<VersionDetails>> Withdraw(string owner, string name, string reference, WithdrawRequest request, HttpContext context, HubServices hub)
    {
        var caller = context.Caller();
        var (id, _) = await ModelAccess.PublishableAsync(hub.Grains, caller, owner, name);
        return TypedResults.Ok(await hub.Grains.GetGrain<IModelGrain>(id.ToString()).Withdraw(ModelAccess.ParseNumber(reference), request.Reason ?? string.Empty, caller.DisplayName));
    }

    private static VersionStatus ParseStatus(string status) =>
        Enum.TryParse<VersionStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(status[0])
            ? parsed
            : throw HubException.Invalid($"status '{status}' is not a version status; use draft, published or withdrawn");

    internal static async Task<string> ReadTextAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true));
        try
        {
            return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        }
        catch (DecoderFallbackException)
        {
            throw HubException.Invalid("the card is not valid UTF-8");
        }
    }
}
