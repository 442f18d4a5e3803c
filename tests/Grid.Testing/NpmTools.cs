namespace ModelGrid.Testing;

/// <summary>Development servers from the repository's package.json, installed with <c>npm ci</c> once (serialised across test processes).</summary>
public static class NpmTools
{
    /// <summary>The path of a file inside an installed package, installing the lock file's packages first if needed.</summary>
    public static async Task<string> EnsureInstalledAsync(string package, string relativePath)
    {
        var root = TestPaths.RepositoryRoot;
        var target = Path.Combine(root, "node_modules", package, relativePath);

        // A package's own file appears long before 'npm ci' has finished writing its dependencies, so only a marker
        // written after a complete install (naming the lock file it installed) lets a process skip the lock.
        var marker = Path.Combine(root, ".build", "npm-installed");
        var installed = InstalledLock(root);
        if (File.Exists(target) && IsMarked(marker, installed))
        {
            return target;
        }

        Directory.CreateDirectory(Path.Combine(root, ".build"));
        await using var gate = await AcquireLockAsync(Path.Combine(root, ".build", "npm-install.lock"), TimeSpan.FromMinutes(10));
        if (!File.Exists(target) || !IsMarked(marker, installed))
        {
            File.Delete(marker);
            var (exit, stdout, stderr) = await ChildProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], root, null, TimeSpan.FromMinutes(10));
            if (exit != 0 || !File.Exists(target))
            {
                throw new InvalidOperationException($"'npm ci' in {root} failed (exit {exit}); the tests need {package} from package.json: {stdout}{stderr}");
            }

            await File.WriteAllTextAsync(marker, installed);
        }

        return target;
    }

    private static string InstalledLock(string root) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(root, "package-lock.json"))));

    private static bool IsMarked(string marker, string installed)
    {
        try
        {
            return File.ReadAllText(marker) == installed;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }
}
