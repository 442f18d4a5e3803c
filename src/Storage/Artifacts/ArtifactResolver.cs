using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelGrid.Storage.Content;

namespace ModelGrid.Storage.Artifacts;

/// <summary>
/// Resolves a declared third-party artifact into the hub's content-addressed store (DESIGN.md §10): the store
/// first, then the mirror folders, then the pinned source unless offline. Every path verifies size and SHA-256
/// (of the original too, for a derived file) before anything is stored, so each artifact is fetched once.
/// </summary>
public sealed partial class ArtifactResolver(
    ArtifactManifest manifest,
    ContentAddressedStore store,
    IOptions<ArtifactOptions> options,
    HttpClient http,
    ILogger<ArtifactResolver> logger)
{
    private const int MirrorSearchDepth = 4;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>The declared artifacts.</summary>
    public ArtifactManifest Manifest { get; } = manifest;

    /// <summary>Whether the artifact is in the store already.</summary>
    /// <param name="name">The artifact's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<bool> IsStoredAsync(string name, CancellationToken cancellationToken = default) =>
        await store.ExistsAsync(Describe(name).Sha256, cancellationToken);

    /// <summary>Makes sure the artifact is in the store, fetching it once if need be.</summary>
    /// <param name="name">The artifact's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<ResolvedArtifact> ResolveAsync(string name, CancellationToken cancellationToken = default)
    {
        var artifact = Describe(name);
        var gate = _gates.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (await store.ExistsAsync(artifact.Sha256, cancellationToken))
            {
                return new ResolvedArtifact(artifact, ArtifactProvenance.Store, null);
            }

            var notes = new List<string>();
            if (await TryMirrorsAsync(artifact, notes, cancellationToken) is { } mirrored)
            {
                return mirrored;
            }

            if (artifact.DownloadSource is not { } source)
            {
                throw Unavailable(artifact, notes, "it has no public source to download (mirror only)");
            }

            if (options.Value.Offline)
            {
                throw Unavailable(artifact, notes, "downloading is off (Grid:Artifacts:Offline=true)");
            }

            return await DownloadAsync(artifact, source, notes, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Verifies content a caller supplies for the artifact (the artifact itself, or its original) and stores it.</summary>
    /// <param name="name">The artifact's name.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<ResolvedArtifact> ImportAsync(string name, Stream content, CancellationToken cancellationToken = default)
    {
        var artifact = Describe(name);
        await store.IngestAsync(content, artifact.Size, artifact.Sha256, cancellationToken);
        LogImported(logger, name, ArtifactProvenance.Import, "request");
        return new ResolvedArtifact(artifact, ArtifactProvenance.Import, null);
    }

    private ArtifactDescriptor Describe(string name) =>
        Manifest.Find(name) ?? throw new ArgumentException($"'{name}' is not a declared artifact; see 'grid artifacts list'", nameof(name));

    private async Task<ResolvedArtifact?> TryMirrorsAsync(ArtifactDescriptor artifact, List<string> notes, CancellationToken cancellationToken)
    {
        if (options.Value.Mirrors.Count == 0)
        {
            notes.Add("no mirror folders are configured (Grid:Artifacts:Mirrors)");
            return null;
        }

        foreach (var mirror in options.Value.Mirrors)
        {
            if (!Directory.Exists(mirror))
            {
                notes.Add($"mirror '{mirror}' does not exist");
                continue;
            }

            foreach (var candidate in FindInMirror(mirror, artifact.Name))
            {
                if (new FileInfo(candidate).Length != artifact.Size)
                {
                    notes.Add($"'{candidate}' has the wrong size");
                    continue;
                }

                try
                {
                    await using var file = File.OpenRead(candidate);
                    await store.IngestAsync(file, artifact.Size, artifact.Sha256, cancellationToken);
                    LogImported(logger, artifact.Name, ArtifactProvenance.Mirror, candidate);
                    return new ResolvedArtifact(artifact, ArtifactProvenance.Mirror, candidate);
                }
                catch (ContentMismatchException e)
                {
                    notes.Add($"'{candidate}' does not match: {e.Message}");
                    LogMirrorMismatch(logger, artifact.Name, candidate, e.Message);
                }
            }

            if (artifact.DerivedFrom is { } origin)
            {
                foreach (var candidate in FindInMirror(mirror, origin.Name))
                {
                    try
                    {
                        await using var file = File.OpenRead(candidate);
                        await DeriveAsync(artifact, origin, file, cancellationToken);
                        LogImported(logger, artifact.Name, ArtifactProvenance.Mirror, candidate);
                        return new ResolvedArtifact(artifact, ArtifactProvenance.Mirror, candidate);
                    }
                    catch (ContentMismatchException e)
                    {
                        notes.Add($"'{candidate}' does not match: {e.Message}");
                        LogMirrorMismatch(logger, artifact.Name, candidate, e.Message);
                    }
                }
            }
        }

        notes.Add($"no mirror holds a matching '{artifact.Name}'");
        return null;
    }

    private async Task<ResolvedArtifact> DownloadAsync(ArtifactDescriptor artifact, ArtifactSource source, List<string> notes, CancellationToken cancellationToken)
    {
        var url = source.ToUrl(options.Value.SourceBaseUrl);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.DownloadTimeout);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw Unavailable(artifact, notes, $"downloading {url} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            if (artifact.DerivedFrom is { } origin)
            {
                await DeriveAsync(artifact, origin, body, timeout.Token);
            }
            else
            {
                await store.IngestAsync(body, artifact.Size, artifact.Sha256, timeout.Token);
            }

            var from = url.ToString();
            LogImported(logger, artifact.Name, ArtifactProvenance.Download, from);
            return new ResolvedArtifact(artifact, ArtifactProvenance.Download, from);
        }
        catch (ContentMismatchException e)
        {
            throw Unavailable(artifact, notes, $"the download from {url} does not match the declared digest ({e.Message})", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = e is OperationCanceledException ? $"timed out after {options.Value.DownloadTimeout}" : e.Message;
            throw Unavailable(artifact, notes, $"downloading {url} failed: {reason}", e);
        }
    }

    /// <summary>Verifies an original (kept only in a private temporary file) and stores the derived artifact made from it.</summary>
    private async Task DeriveAsync(ArtifactDescriptor artifact, ArtifactOrigin origin, Stream original, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetTempPath(), "grid-artifact-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var copy = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[1 << 20];
                long total = 0;
                int n;
                while ((n = await original.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += n;
                    if (total > origin.Size)
                    {
                        throw ContentMismatchException.Size(origin.Size, total, atLeast: true);
                    }

                    hash.AppendData(buffer, 0, n);
                    await copy.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
                }

                if (total != origin.Size)
                {
                    throw ContentMismatchException.Size(origin.Size, total);
                }

                var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
                if (actual != origin.Sha256)
                {
                    throw ContentMismatchException.Digest(origin.Sha256, actual);
                }

                copy.Position = 0;
                await using var ingest = await store.BeginIngestAsync(artifact.Size, artifact.Sha256, cancellationToken);
                await using var sink = new IngestStream(ingest);
                await CsvColumnDropper.TransformAsync(copy, sink, origin.Transform.Columns, cancellationToken);
                await sink.FlushAsync(cancellationToken);
                await ingest.CompleteAsync(cancellationToken);
            }
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private IEnumerable<string> FindInMirror(string mirror, string fileName)
    {
        var search = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            MaxRecursionDepth = MirrorSearchDepth,
            IgnoreInaccessible = true,
            MatchCasing = MatchCasing.CaseSensitive,
        };
        try
        {
            return [.. Directory.EnumerateFiles(mirror, fileName, search).Order(StringComparer.Ordinal)];
        }
        catch (IOException e)
        {
            LogMirrorMismatch(logger, fileName, mirror, e.Message);
            return [];
        }
    }

    private ArtifactUnavailableException Unavailable(ArtifactDescriptor artifact, List<string> notes, string last, Exception? inner = null)
    {
        notes.Add(last);
        var message =
            $"artifact '{artifact.Name}' ({artifact.Size:N0} bytes, sha256 {artifact.Sha256[..12]}…) is not available: {string.Join("; ", notes)}. " +
            $"Provide it with 'grid artifacts import <folder holding {artifact.Name}>', or set Grid__Artifacts__Mirrors__0 to such a folder" +
            (options.Value.Offline || artifact.DownloadSource is not { } source ? string.Empty : $", or allow the download of {source.ToUrl(options.Value.SourceBaseUrl)}");
        return new ArtifactUnavailableException(message, inner);
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Artifact {Artifact} imported into the store ({Provenance}: {From})")]
    private static partial void LogImported(ILogger logger, string artifact, ArtifactProvenance provenance, string from);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Artifact {Artifact}: {Candidate} was skipped: {Reason}")]
    private static partial void LogMirrorMismatch(ILogger logger, string artifact, string candidate, string reason);
}
