using System.Text.Json.Serialization;
using ModelGrid.Auth;
using ModelGrid.Hub;

namespace ModelGrid.Api;

/// <summary>Body of <c>POST /api/v1/models</c>.</summary>
/// <param name="Owner">The owner namespace.</param>
/// <param name="Name">The model's name.</param>
/// <param name="Description">What the model is.</param>
/// <param name="Task">The task, e.g. <c>image-classification</c>.</param>
/// <param name="License">An SPDX licence id or expression.</param>
/// <param name="Tags">Tags.</param>
/// <param name="Visibility">Public (default) or private.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateModelRequest(
    [property: JsonRequired] string Owner,
    [property: JsonRequired] string Name,
    string? Description = null,
    string? Task = null,
    string? License = null,
    IReadOnlyList<string>? Tags = null,
    ModelVisibility Visibility = ModelVisibility.Public);

/// <summary>Body of <c>PATCH /api/v1/models/{owner}/{name}</c>; absent fields stay as they are.</summary>
/// <param name="Description">What the model is.</param>
/// <param name="Task">The task.</param>
/// <param name="License">An SPDX licence id or expression.</param>
/// <param name="Tags">Tags (replace the old ones).</param>
/// <param name="Visibility">Public or private.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record UpdateModelRequest(
    string? Description = null,
    string? Task = null,
    string? License = null,
    IReadOnlyList<string>? Tags = null,
    ModelVisibility? Visibility = null);

/// <summary>One page of <c>GET /api/v1/models</c>.</summary>
/// <param name="Items">The models on this page.</param>
/// <param name="Total">How many models match in all.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">Models per page.</param>
public sealed record ModelPage(IReadOnlyList<CatalogEntry> Items, int Total, int Page, int PageSize);

/// <summary>Body of <c>POST …/versions</c>: the files the draft will hold and, optionally, its card (r1).</summary>
/// <param name="Files">Path, size and SHA-256 of every file.</param>
/// <param name="Card">Markdown with YAML front matter.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateDraftRequest([property: JsonRequired] IReadOnlyList<ManifestFile> Files, string? Card = null);

/// <summary>Body of <c>POST …/versions/{n}/withdraw</c>.</summary>
/// <param name="Reason">Why; shown with every 410 answer for the version's files.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record WithdrawRequest([property: JsonRequired] string Reason);

/// <summary>Body of <c>PUT …/aliases/{alias}</c>.</summary>
/// <param name="Version">The published version the alias points at.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SetAliasRequest([property: JsonRequired] int Version);

/// <summary>Answer of <c>GET …/aliases</c>: current aliases and, when asked for, their history.</summary>
/// <param name="Aliases">Every alias with its target.</param>
/// <param name="History">Every move, oldest first, when <c>?history=true</c>.</param>
public sealed record AliasList(IReadOnlyList<AliasEntry> Aliases, IReadOnlyList<AliasChange>? History);

/// <summary>What storing one uploaded file did.</summary>
/// <param name="Path">The file's path in the version.</param>
/// <param name="Size">Its size.</param>
/// <param name="Sha256">Its digest.</param>
/// <param name="Outcome">
/// <c>deduplicated</c> when the content was stored already and the caller could know it (it may read a version that
/// holds it, or it is in the caller's own namespace): the upload was verified and dropped. <c>created</c> otherwise,
/// including when the bytes are held only where the caller may not look, so the answer is no existence oracle.
/// </param>
public sealed record FileUploadResult(string Path, long Size, string Sha256, string Outcome);

/// <summary>Body of <c>POST …/versions/{n}/uploads</c>, which opens a resumable upload of one declared file.</summary>
/// <param name="Path">The file's path.</param>
/// <param name="Size">Its size.</param>
/// <param name="Sha256">Its digest.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StartUploadRequest([property: JsonRequired] string Path, [property: JsonRequired] long Size, [property: JsonRequired] string Sha256);

/// <summary>A resumable upload: which file it is for and how many bytes the hub holds (<see cref="Offset"/>).</summary>
/// <param name="Id">The session's id.</param>
/// <param name="Model">The model.</param>
/// <param name="Version">The draft's number.</param>
/// <param name="Path">The file's path.</param>
/// <param name="Size">The declared size.</param>
/// <param name="Sha256">The declared digest.</param>
/// <param name="Offset">Bytes received so far; the next chunk starts here.</param>
/// <param name="ChunkBytes">The largest chunk the hub takes in one request.</param>
/// <param name="Complete">Whether the file is verified and part of the draft.</param>
public sealed record UploadSessionInfo(string Id, ModelId Model, int Version, string Path, long Size, string Sha256, long Offset, long ChunkBytes, bool Complete);

/// <summary>Body of <c>POST /api/v1/tokens</c>.</summary>
/// <param name="Owner">The namespace the token belongs to (created if new).</param>
/// <param name="Scopes">Any of read, publish, admin, evaluate.</param>
/// <param name="Description">A note for whoever lists tokens.</param>
/// <param name="ExpiresAt">When it stops working, or never.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateTokenRequest([property: JsonRequired] string Owner, [property: JsonRequired] IReadOnlyList<string> Scopes, string? Description = null, DateTimeOffset? ExpiresAt = null);

/// <summary>A new token: the secret, shown this once, and its record.</summary>
/// <param name="Token">The bearer token.</param>
/// <param name="Info">Its record, as listed later.</param>
public sealed record TokenCreated(string Token, TokenView Info);

/// <summary>A token as the API lists it.</summary>
/// <param name="Id">Its public id.</param>
/// <param name="Owner">Its namespace.</param>
/// <param name="Scopes">Scope names.</param>
/// <param name="Description">Its note.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="CreatedBy">Who made it.</param>
/// <param name="ExpiresAt">When it stops working.</param>
/// <param name="RevokedAt">When it was revoked.</param>
public sealed record TokenView(string Id, string Owner, IReadOnlyList<string> Scopes, string? Description, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    /// <summary>The view of a token record.</summary>
    /// <param name="info">The record.</param>
    public static TokenView From(TokenInfo info) =>
        new(info.Id, info.Owner, ScopeNames.ToNames(info.Scopes), info.Description, info.CreatedAt, info.CreatedBy, info.ExpiresAt, info.RevokedAt);
}

/// <summary>Answer of <c>GET /api/v1/whoami</c>.</summary>
/// <param name="Subject">The token id, <c>admin</c> or <c>anonymous</c>.</param>
/// <param name="Owner">The token's namespace.</param>
/// <param name="Scopes">Scope names.</param>
/// <param name="ExpiresAt">When the token stops working; null when it does not expire, and for the bootstrap admin token and anonymous callers.</param>
public sealed record WhoAmI(string Subject, string? Owner, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt = null);

/// <summary>A declared third-party artifact and whether the hub's store holds it.</summary>
/// <param name="Name">The artifact's file name.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">Digest.</param>
/// <param name="License">Licence.</param>
/// <param name="Description">What it is.</param>
/// <param name="Source">The pinned download address (of the original, for a derived file).</param>
/// <param name="DerivedFrom">The original's file name, when the artifact is derived.</param>
/// <param name="Stored">Whether the store holds it.</param>
public sealed record ArtifactView(string Name, long Size, string Sha256, string License, string? Description, string Source, string? DerivedFrom, bool Stored);

/// <summary>What <c>POST /api/v1/artifacts/{name}/fetch</c> or an import did.</summary>
/// <param name="Name">The artifact.</param>
/// <param name="Provenance">store, mirror, download or import.</param>
/// <param name="From">The mirror file or address it came from.</param>
public sealed record ArtifactFetched(string Name, string Provenance, string? From);
