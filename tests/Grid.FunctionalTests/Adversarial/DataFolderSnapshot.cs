using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>
/// What the data folder holds: every file's relative path and size, and the SHA-256 of the files small enough to
/// hash cheaply (state records, manifests, cards, sessions, results). Two snapshots differ exactly where something
/// was written, renamed or deleted in between. Left out, because they change without any request: the folder lock,
/// the store's private <c>.pending/</c> files, and the job queues' journals, which a partition's sweep timer appends
/// to on its own when the lease of a finished job runs out.
/// </summary>
public sealed class DataFolderSnapshot
{
    public const long HashedBytes = 1 << 20;

    private static readonly string[] Volatile = [".lock", ".pending/", "queues/"];

    private DataFolderSnapshot(IReadOnlyDictionary<string, (long Length, string? Sha256)> files) => Files = files;

    public IReadOnlyDictionary<string, (long Length, string? Sha256)> Files { get; }

    public static DataFolderSnapshot Take(string root, Hashes hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        var files = new Dictionary<string, (long, string?)>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (Volatile.Any(v => name == v || (v.EndsWith('/') && name.StartsWith(v, StringComparison.Ordinal)) || name.Contains("/" + v, StringComparison.Ordinal)))
            {
                continue;
            }

            try
            {
                var info = new FileInfo(path);
                files[name] = (info.Length, info.Length <= HashedBytes ? hashes.Of(info) : null);
            }
            catch (FileNotFoundException)
            {
                // Renamed away while listing; the next snapshot sees where it went.
            }
        }

        return new DataFolderSnapshot(files);
    }

    /// <summary>One line per path that was added, removed or changed, sorted.</summary>
    public IReadOnlyList<string> Diff(DataFolderSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<string>();
        foreach (var (name, entry) in after.Files)
        {
            if (!Files.TryGetValue(name, out var before))
            {
                changes.Add($"+ {name} ({entry.Length} bytes)");
            }
            else if (before != entry)
            {
                changes.Add($"~ {name} ({before.Length} → {entry.Length} bytes)");
            }
        }

        changes.AddRange(Files.Keys.Where(name => !after.Files.ContainsKey(name)).Select(name => $"- {name}"));
        changes.Sort(StringComparer.Ordinal);
        return changes;
    }

    /// <summary>SHA-256 of files, remembered by path, length and modification time (the store sets a new time on every write).</summary>
    public sealed class Hashes
    {
        private readonly ConcurrentDictionary<(string Path, long Length, long Ticks), string> _known = new();

        public string Of(FileInfo file)
        {
            ArgumentNullException.ThrowIfNull(file);
            var key = (file.FullName, file.Length, file.LastWriteTimeUtc.Ticks);
            if (_known.TryGetValue(key, out var sha))
            {
                return sha;
            }

            using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            sha = Convert.ToHexStringLower(SHA256.HashData(stream));
            _known[key] = sha;
            return sha;
        }
    }
}
