using System.Globalization;
using System.Security.Cryptography;
using ModelGrid.Client.Http;
using ModelGrid.Hub;

namespace ModelGrid.Client.Transfer;

/// <summary>
/// Downloads a version into a folder. Each file goes to <c>{path}.grid-partial</c> first; an existing partial file
/// is continued with <c>Range</c> + <c>If-Range</c> (the content's digest), and the whole file's SHA-256 is checked
/// before it takes its name. A file already present with the right digest is left alone.
/// </summary>
public sealed class Puller(GridClient client, ITransferProgress progress)
{
    private const int BufferBytes = 1 << 20;

    public async Task<PullResult> PullAsync(ModelId model, string reference, string folder, bool writeCard = true, CancellationToken cancellationToken = default)
    {
        var version = await client.GetVersionAsync(model, reference, cancellationToken);
        if (version.Status == VersionStatus.Withdrawn)
        {
            throw new GridApiException(System.Net.HttpStatusCode.Gone, "Version withdrawn", $"{model}@{version.Number} was withdrawn: {version.WithdrawnReason}");
        }

        if (version.Status != VersionStatus.Published)
        {
            throw new CliException($"{model}@{version.Number} is a draft; publish it first");
        }

        // Versions published before the hub refused such paths may hold them; nothing is written for those.
        if (ManifestPaths.FindConflict(version.Files.Select(f => f.Path)) is { } conflict)
        {
            throw new CliException(
                $"{model}@{version.Number} cannot be pulled into a folder: {conflict} (the version was published before the hub refused such paths)",
                ExitCodes.Failure);
        }

        var root = Path.GetFullPath(folder);
        Directory.CreateDirectory(root);
        var pinned = version.Number.ToString(CultureInfo.InvariantCulture);
        var bar = progress.Begin($"pulling {model}@{version.Number} ({version.Files.Count} file(s))", version.TotalBytes);
        var results = new List<PulledFile>();
        foreach (var file in version.Files)
        {
            results.Add(await PullFileAsync(model, pinned, root, file, bar, cancellationToken));
        }

        var card = false;
        // Compared as a case-insensitive file system would: a file 'readme.md' must not be overwritten by the card.
        var cardFold = ManifestPaths.Fold(LocalFolder.CardFile);
        if (writeCard && version.CardRevisions > 0 && version.Files.All(f => ManifestPaths.Fold(f.Path) != cardFold))
        {
            await File.WriteAllTextAsync(Path.Combine(root, LocalFolder.CardFile), await client.GetCardAsync(model, pinned, cancellationToken: cancellationToken), cancellationToken);
            card = true;
        }

        return new PullResult(model, version.Number, version.RevisionId!, results, card);
    }

    private async Task<PulledFile> PullFileAsync(ModelId model, string version, string root, DeclaredFile file, IProgress<long> bar, CancellationToken cancellationToken)
    {
        var target = SafeTarget(root, file.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target) && new FileInfo(target).Length == file.Size && await FileHasher.HashAsync(target, null, cancellationToken) == file.Sha256)
        {
            bar.Report(file.Size);
            return new PulledFile(file.Path, file.Size, file.Sha256, "up-to-date", 0, 0);
        }

        var partial = target + LocalFolder.PartialSuffix;
        var (received, resumedFrom) = await DownloadAsync(model, version, file, partial, bar, cancellationToken);
        File.Move(partial, target, overwrite: true);
        return new PulledFile(file.Path, file.Size, file.Sha256, resumedFrom > 0 ? "resumed" : "downloaded", received, resumedFrom);
    }

    private async Task<(long Received, long ResumedFrom)> DownloadAsync(ModelId model, string version, DeclaredFile file, string partial, IProgress<long> bar, CancellationToken cancellationToken)
    {
        var held = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        if (held > file.Size)
        {
            File.Delete(partial);
            held = 0;
        }

        // A dropped connection or a hub away for a moment resumes from what the partial file holds by then.
        var (received, resumedFrom, digest) = await TransferRetry.RunAsync(
            client,
            progress,
            $"downloading {file.Path}",
            async () =>
            {
                var kept = File.Exists(partial) ? new FileInfo(partial).Length : 0;
                var (got, from, hash) = await TransferAsync(model, version, file, partial, kept, bar, cancellationToken);
                return (got + from - held, held, hash);
            },
            cancellationToken);
        if (digest == file.Sha256)
        {
            return (received, resumedFrom);
        }

        File.Delete(partial);
        if (resumedFrom > 0)
        {
            // The kept part was not a prefix of this content (changed or corrupted): start over once.
            progress.Note($"{file.Path}: the partial download did not verify; downloading it again");
            var (again, _, retried) = await TransferAsync(model, version, file, partial, 0, bar, cancellationToken);
            if (retried == file.Sha256)
            {
                return (received + again, 0);
            }

            File.Delete(partial);
        }

        throw new VerificationException($"{file.Path}: the downloaded content's sha256 is {digest}, not {file.Sha256} as the hub declared; nothing was kept");
    }

    private async Task<(long Received, long ResumedFrom, string Digest)> TransferAsync(ModelId model, string version, DeclaredFile file, string partial, long held, IProgress<long> bar, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (held == file.Size)
        {
            // Everything arrived earlier; only the check and the rename were missing.
            await using var kept = new FileStream(partial, FileMode.Open, FileAccess.Read, FileShare.None, 0, FileOptions.Asynchronous);
            await FileHasher.AppendAsync(hash, kept, bar, cancellationToken);
            return (0, held, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }

        // The partial file is made only once the hub answers with content, so a refused download leaves nothing.
        using var download = await client.DownloadAsync(model, version, file.Path, held, file.Sha256, cancellationToken);
        await using var output = new FileStream(partial, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 0, FileOptions.Asynchronous);
        var from = download.Offset;
        if (from > 0)
        {
            // The hub sent the rest: hash what we hold, then append.
            output.Position = 0;
            await FileHasher.AppendAsync(hash, new BoundedStream(output, from), bar, cancellationToken);
        }

        output.SetLength(from);
        output.Position = from;
        var buffer = new byte[BufferBytes];
        long received = 0;
        int read;
        while ((read = await download.Content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            received += read;
            bar.Report(read);
        }

        await output.FlushAsync(cancellationToken);
        if (from + received != file.Size)
        {
            throw new HttpIOException(HttpRequestError.ResponseEnded, $"{file.Path}: the download ended after {from + received} of {file.Size} bytes; run the pull again to continue");
        }

        return (received, from, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static string SafeTarget(string root, string path)
    {
        if (Names.ValidateFilePath(path) is { } error)
        {
            throw new VerificationException($"the hub named an unsafe file path: {error}");
        }

        var target = Path.GetFullPath(Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar)));
        return target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? target
            : throw new VerificationException($"the hub named a file path outside the folder: {path}");
    }
}
