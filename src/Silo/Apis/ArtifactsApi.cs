using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ModelGrid.Api;
using ModelGrid.Hub;
using ModelGrid.Silo.Auth;
using ModelGrid.Storage.Artifacts;

namespace ModelGrid.Silo.Apis;

/// <summary>Third-party artifacts: list them with their state, fetch one (store → mirrors → source), or import supplied bytes.</summary>
public static class ArtifactsApi
{
    /// <summary>The source shown for an artifact without a public address: it comes from the store or a mirror folder alone.</summary>
    public const string MirrorOnlySource = "mirror only (no public source)";

    public static RouteGroupBuilder MapArtifactsApi(this RouteGroupBuilder api)
    {
        var artifacts = api.MapGroup("/artifacts").WithTags("Artifacts");
        artifacts.MapGet("/", ListArtifacts).WithName(nameof(ListArtifacts))
            .Documented("List third-party artifacts", "The datasets and models the suites declare (size, SHA-256, licence, pinned source) and whether the hub's store holds each.");
        artifacts.MapPost("/{artifact}/fetch", FetchArtifact).WithName(nameof(FetchArtifact))
            .Documented("Fetch an artifact", "Brings a declared artifact into the store: from the store, else the configured mirror folders, else its pinned source (unless offline); verified by size and SHA-256 (admin).")
            .NeedsToken().Problems(403, 404, 503).DisableRequestTimeout();
        artifacts.MapPut("/{artifact}", ImportArtifact).WithName(nameof(ImportArtifact))
            .Documented("Import an artifact", "Stores supplied bytes of a declared artifact when their size and SHA-256 match its declaration (admin).")
            .RawBody("application/octet-stream", "The artifact's bytes.")
            .NeedsToken().Problems(400, 403, 404, 413).DisableRequestTimeout();
        return api;
    }

    public static async Task<Ok<IReadOnlyList<ArtifactView>>> ListArtifacts(ArtifactResolver resolver, IOptions<ArtifactOptions> options, CancellationToken cancellationToken)
    {
        var views = new List<ArtifactView>();
        foreach (var artifact in resolver.Manifest.Artifacts)
        {
            views.Add(new ArtifactView(
                artifact.Name, artifact.Size, artifact.Sha256, artifact.License, artifact.Description,
                artifact.DownloadSource?.ToUrl(options.Value.SourceBaseUrl).ToString() ?? MirrorOnlySource, artifact.DerivedFrom?.Name,
                await resolver.IsStoredAsync(artifact.Name, cancellationToken)));
        }

        return TypedResults.Ok<IReadOnlyList<ArtifactView>>(views);
    }

    public static async Task<Ok<ArtifactFetched>> FetchArtifact(string artifact, HttpContext context, ArtifactResolver resolver)
    {
        context.Caller().RequireAdmin();
        Known(resolver, artifact);
        var resolved = await resolver.ResolveAsync(artifact, context.RequestAborted);
        return TypedResults.Ok(new ArtifactFetched(artifact, resolved.Provenance.ToString().ToLowerInvariant(), resolved.From));
    }

    public static async Task<Ok<ArtifactFetched>> ImportArtifact(string artifact, HttpContext context, ArtifactResolver resolver)
    {
        context.Caller().RequireAdmin();
        var descriptor = Known(resolver, artifact);
        if (context.Request.ContentLength is { } length && length != descriptor.Size)
        {
            throw HubException.Invalid($"'{artifact}' has {descriptor.Size} bytes; the request body has {length}");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = descriptor.Size;
        }

        var resolved = await resolver.ImportAsync(artifact, context.Request.Body, context.RequestAborted);
        return TypedResults.Ok(new ArtifactFetched(artifact, resolved.Provenance.ToString().ToLowerInvariant(), resolved.From));
    }

    private static ArtifactDescriptor Known(ArtifactResolver resolver, string name) =>
        resolver.Manifest.Find(name) ?? throw HubException.NotFound("Artifact not found", $"'{name}' is not a declared artifact");
}
