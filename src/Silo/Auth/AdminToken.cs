using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ModelGrid.Silo.Infrastructure;
using ModelGrid.Storage;

namespace ModelGrid.Silo.Auth;

/// <summary>
/// The bootstrap admin token: <c>Grid:Auth:AdminToken</c> when configured, else the one in
/// <c>{Grid:Storage:Path}/admin-token</c>, written (mode 0600) on the first start. Only its hash stays in memory.
/// </summary>
public sealed partial class AdminToken
{
    public const string FileName = "admin-token";
    private readonly byte[] _hash;

    public AdminToken(IOptions<AuthOptions> auth, IOptions<StorageOptions> storage, ILogger<AdminToken> logger)
    {
        var configured = auth.Value.AdminToken;
        string token;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            token = configured.Trim();
            LogConfigured(logger);
        }
        else
        {
            FilePath = Path.Combine(storage.Value.FullPath, FileName);
            token = LoadOrCreate(FilePath, out var created);
            Created = created;
            if (created)
            {
                LogGenerated(logger, FilePath);
            }
            else
            {
                LogLoaded(logger, FilePath);
            }
        }

        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    /// <summary>The file the token was read from or written to, when it is not configured.</summary>
    public string? FilePath { get; }

    /// <summary>Whether this start wrote the token's file.</summary>
    public bool Created { get; }

    public bool Matches(string presented) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _hash);

    private static string LoadOrCreate(string path, out bool created)
    {
        if (File.Exists(path))
        {
            created = false;
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length < 16)
            {
                throw new InvalidOperationException($"the admin token in '{path}' is shorter than 16 characters; delete the file to have a new one generated");
            }

            return existing;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var token = "mga_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, Encoding.ASCII, options))
        {
            writer.Write(token + "\n");
        }

        created = true;
        return token;
    }

    internal static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Generated the bootstrap admin token in {Path} (mode 0600); use it with 'grid login --token-file {Path}'")]
    private static partial void LogGenerated(ILogger logger, string path);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Using the bootstrap admin token in {Path}")]
    private static partial void LogLoaded(ILogger logger, string path);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Using the bootstrap admin token from Grid:Auth:AdminToken")]
    private static partial void LogConfigured(ILogger logger);
}
