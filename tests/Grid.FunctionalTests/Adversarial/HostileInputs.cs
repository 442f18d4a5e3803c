using System.Text;
using System.Text.Json;
using ModelGrid.Api;
using ModelGrid.Hub;

namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>
/// The tables of hostile inputs, one per category (its own file): names and paths, ranges and conditional headers,
/// sizes and digests, JSON bodies, cards, ONNX files. Each row is a <see cref="HostileCase"/>.
/// </summary>
public static partial class HostileInputs
{
    private const string Models = "/api/v1/models";

    private static string PublicPath => $"{Models}/{CorpusWorld.Public}";

    private static string ScratchPath => $"{Models}/{CorpusWorld.Scratch}";

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ApiJson.Options);

    private static string Unique() => Guid.NewGuid().ToString("N")[..12];

    private static string PublicDraft(CorpusWorld world) => $"{PublicPath}/versions/{world.Targets[CorpusWorld.Public].Draft}";

    private static string PublicFile(string path = CorpusWorld.ModelFile) => $"{PublicPath}/versions/1/files/{path}";

    /// <summary>A draft body declaring files with these paths (each 4 bytes of the same digest).</summary>
    private static string DraftOf(params string[] paths) =>
        Json(new CreateDraftRequest([.. paths.Select(p => new ManifestFile(p, 4, Sha256("abcd")))]));

    private static string Sha256(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
