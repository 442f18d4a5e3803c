using System.Globalization;
using System.Net;
using ModelGrid.Api;
using ModelGrid.Auth;
using ModelGrid.Client.Http;
using ModelGrid.Hub;

namespace ModelGrid.Client.Transfer;

/// <summary>
/// Publishes a folder as a new version: checks that the caller may publish there, hashes its files, compares with
/// the newest version ("up to date" when equal), opens a draft (or finishes the caller's unpublished draft of the
/// same files), uploads only the files the hub does not already have for the caller — large ones through resumable
/// sessions — and publishes.
/// </summary>
public sealed class Pusher(GridClient client, ITransferProgress progress)
{
    private const int ChunkRetries = 3;

    // A file still being written would make a push chase it forever; after this many tries its error stands.
    private const int ChangedFileAttempts = 3;

    /// <summary>
    /// Pushes <paramref name="folder"/>; when the hub goes away for a moment the push starts over and resumes: it finds
    /// its unpublished draft of the same files, the uploads already held and the sessions left open, so nothing is
    /// uploaded or opened twice, and publishing a published version answers that version.
    /// </summary>
    public Task<PushResult> PushAsync(string folder, ModelId model, PushOptions options, CancellationToken cancellationToken = default) =>
        TransferRetry.RunAsync(client, progress, $"pushing to {model}", () => PushOnceAsync(folder, model, options, cancellationToken), cancellationToken);

    private async Task<PushResult> PushOnceAsync(string folder, ModelId model, PushOptions options, CancellationToken cancellationToken)
    {
        await EnsureMayPublishAsync(model, cancellationToken);
        var files = LocalFolder.Scan(folder);
        if (files.Count == 0)
        {
            throw new CliException($"'{folder}' holds no files to push (README.md alone is a card, not a file)");
        }

        var cardPath = Path.Combine(folder, LocalFolder.CardFile);
        var card = File.Exists(cardPath) ? await File.ReadAllTextAsync(cardPath, cancellationToken) : null;

        var manifest = await HashAsync(files, cancellationToken);
        var revision = VersionManifest.Create(manifest).RevisionId;

        if (await client.FindModelAsync(model, cancellationToken) is null)
        {
            if (options.CreateWith is null)
            {
                throw new CliException($"the model {model} does not exist; create it with 'grid model create {model}' or push with --create");
            }

            await client.CreateModelAsync(options.CreateWith with { Owner = model.Owner, Name = model.Name }, cancellationToken);
            progress.Note($"created model {model}");
        }

        var versions = await client.ListVersionsAsync(model, cancellationToken);
        var newest = versions.FirstOrDefault(v => v.Status == VersionStatus.Published);
        if (!options.Force && newest?.RevisionId == revision)
        {
            return new PushResult(model, newest.Number, revision, "up-to-date", files.Count, 0, files.Count, 0, 0, false);
        }

        var draft = await FindDraftAsync(model, versions, manifest, cancellationToken)
            ?? await client.CreateDraftAsync(model, new CreateDraftRequest(manifest, card), cancellationToken);

        var missing = draft.Files.Where(f => !f.Present).ToList();
        long uploaded = 0;
        long resumed = 0;
        var bar = progress.Begin($"uploading {missing.Count} of {files.Count} file(s)", missing.Sum(f => f.Size));
        foreach (var declared in missing)
        {
            var local = files.First(f => f.Path == declared.Path);
            var (sent, before) = await UploadAsync(model, draft.Number, local, declared, options, bar, cancellationToken);
            uploaded += sent;
            resumed += before;
        }

        var published = await client.PublishAsync(model, draft.Number, cancellationToken);
        return new PushResult(model, published.Number, published.RevisionId ?? revision, "published", files.Count, missing.Count, files.Count - missing.Count, uploaded, resumed, card is not null);
    }

    /// <summary>
    /// Refuses, as the hub would (401 or 403), a caller who may not publish into the model's namespace — before the
    /// folder is read, so nobody is told "up to date" about a namespace they cannot publish to. The rule is the hub's
    /// own (<see cref="Principal.CanPublish"/>), applied to who the hub says the caller is.
    /// </summary>
    private async Task EnsureMayPublishAsync(ModelId model, CancellationToken cancellationToken)
    {
        var who = await client.WhoAmIAsync(cancellationToken);
        var caller = new Principal(who.Subject, who.Owner, ScopeNames.TryParse(string.Join(',', who.Scopes), out var scopes, out _) ? scopes : TokenScopes.None);
        if (caller.IsAnonymous)
        {
            throw new GridApiException(HttpStatusCode.Unauthorized, "Authentication required",
                $"pushing to {model} needs a token with the publish scope for {model.Owner}; give one with --token or GRID_TOKEN, or run 'grid login'");
        }

        if (!caller.CanPublish(model.Owner))
        {
            throw new GridApiException(HttpStatusCode.Forbidden, "Forbidden", caller.Scopes.HasFlag(TokenScopes.Publish)
                ? $"the token belongs to {caller.Owner}; it may publish only there, not in {model.Owner}"
                : $"the token lacks the publish scope (it has {string.Join(", ", who.Scopes)})");
        }
    }

    /// <summary>
    /// Uploads one declared file. When the hub refuses the bytes because the file changed since it was hashed, the
    /// file is declared again in this draft with what it holds now and sent again, rather than leaving the push
    /// stuck on a declaration no bytes will match.
    /// </summary>
    private async Task<(long Sent, long Resumed)> UploadAsync(ModelId model, int version, LocalFile local, DeclaredFile declared, PushOptions options, IProgress<long> bar, CancellationToken cancellationToken)
    {
        var file = declared;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return file.Size >= options.ChunkThreshold
                    ? await UploadResumableAsync(model, version, local, file, bar, cancellationToken)
                    : (await UploadWholeAsync(model, version, local, file, bar, cancellationToken), 0L);
            }
            catch (GridApiException e) when (e.Status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict && attempt < ChangedFileAttempts)
            {
                var now = new ManifestFile(file.Path, new FileInfo(local.FullPath).Length, await FileHasher.HashAsync(local.FullPath, cancellationToken: cancellationToken));
                if (now == file.ToManifestFile())
                {
                    throw;
                }

                progress.Note($"{file.Path} changed while it was being pushed; declared again with its new content");
                await client.RemoveFileAsync(model, version, file.Path, cancellationToken);
                file = await client.DeclareFileAsync(model, version, now, cancellationToken);
                if (file.Present)
                {
                    return (0, 0);
                }
            }
        }
    }

    private async Task<List<ManifestFile>> HashAsync(IReadOnlyList<LocalFile> files, CancellationToken cancellationToken)
    {
        var bar = progress.Begin($"hashing {files.Count} file(s)", files.Sum(f => f.Size));
        var manifest = new List<ManifestFile>(files.Count);
        foreach (var file in files)
        {
            manifest.Add(new ManifestFile(file.Path, file.Size, await FileHasher.HashAsync(file.FullPath, bar, cancellationToken)));
        }

        return manifest;
    }

    /// <summary>
    /// An unpublished draft of the caller's with exactly these files: an earlier push that was interrupted. Drafts of
    /// other files are left alone (someone may be finishing them), with a note naming the command that deletes one.
    /// </summary>
    private async Task<VersionDetails?> FindDraftAsync(ModelId model, IReadOnlyList<VersionSummary> versions, List<ManifestFile> manifest, CancellationToken cancellationToken)
    {
        var wanted = manifest.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        VersionDetails? found = null;
        var others = new List<VersionSummary>();
        foreach (var summary in versions.Where(v => v.Status == VersionStatus.Draft))
        {
            var draft = found is null ? await client.GetVersionAsync(model, summary.Number.ToString(CultureInfo.InvariantCulture), cancellationToken) : null;
            if (draft is not null && draft.Files.Select(f => f.ToManifestFile()).SequenceEqual(wanted))
            {
                progress.Note($"resuming the unpublished draft {model}@{draft.Number}");
                found = draft;
            }
            else
            {
                others.Add(summary);
            }
        }

        foreach (var other in others)
        {
            progress.Note($"{model}@{other.Number} is a draft of other files, opened {other.CreatedAt.ToString("u", CultureInfo.InvariantCulture)} by {other.CreatedBy}; if nobody is finishing it, 'grid version delete-draft {model}@{other.Number}' deletes it");
        }

        return found;
    }

    private async Task<long> UploadWholeAsync(ModelId model, int version, LocalFile local, DeclaredFile file, IProgress<long> bar, CancellationToken cancellationToken)
    {
        await using var stream = OpenRead(local);
        await client.UploadFileAsync(model, version, file.Path, stream, file.Size, file.Sha256, bar, cancellationToken);
        return file.Size;
    }

    private async Task<(long Sent, long Resumed)> UploadResumableAsync(ModelId model, int version, LocalFile local, DeclaredFile file, IProgress<long> bar, CancellationToken cancellationToken)
    {
        var sessions = await client.ListUploadsAsync(model, version, cancellationToken);
        var session = sessions.FirstOrDefault(s => s.Path == file.Path && s.Sha256 == file.Sha256 && s.Size == file.Size)
            ?? await client.StartUploadAsync(model, version, new StartUploadRequest(file.Path, file.Size, file.Sha256), cancellationToken);
        var resumedFrom = session.Offset;
        if (resumedFrom > 0)
        {
            progress.Note($"resuming {file.Path} at byte {resumedFrom:N0} of {file.Size:N0}");
            bar.Report(resumedFrom);
        }

        await using var stream = OpenRead(local);
        var offset = session.Offset;
        var failures = 0;
        while (!session.Complete)
        {
            var length = Math.Min(session.ChunkBytes, file.Size - offset);
            stream.Position = offset;
            try
            {
                session = await client.AppendChunkAsync(session, offset, stream, length, bar, cancellationToken);
                offset = session.Complete ? file.Size : session.Offset;
                failures = 0;
            }
            catch (GridApiException e) when (e.Status == HttpStatusCode.Conflict && long.TryParse(e.UploadOffset, out var held))
            {
                // The hub holds a different amount than we thought (a chunk half-arrived): continue from there.
                offset = held;
                session = session with { Offset = held };
            }
            catch (HttpRequestException) when (++failures < ChunkRetries)
            {
                session = await client.GetUploadAsync(session.Id, cancellationToken);
                offset = session.Offset;
            }
        }

        return (file.Size - resumedFrom, resumedFrom);
    }

    private static FileStream OpenRead(LocalFile file) =>
        new(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
