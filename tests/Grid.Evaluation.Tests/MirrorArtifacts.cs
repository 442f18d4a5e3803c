using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using ModelGrid.Evaluation.Suites;
using ModelGrid.Testing;

namespace ModelGrid.Evaluation.Tests;

/// <summary>
/// The project's declared artifacts (<c>artifacts.json</c>), found by name in the offline mirrors of the test run and
/// verified by size and SHA-256 before use, as the hub's resolver does.
/// </summary>
public sealed class MirrorArtifacts : IArtifactFiles
{
    private static readonly Lazy<Dictionary<string, ArtifactRef>> Declared = new(Read);
    private readonly ConcurrentDictionary<string, string> _verified = new(StringComparer.Ordinal);

    public static MirrorArtifacts Instance { get; } = new();

    public static string SuitesFolder => Path.Combine(TestPaths.RepositoryRoot, "eval-suites");

    public static string SampleModel(string model, int version) =>
        Path.Combine(SuitesFolder, "models", model, $"v{version}", "model.onnx");

    public static string MnistModel => Path.Combine(TestPaths.SharedFolder, "models", "mnist", "mnist.onnx");

    public ArtifactRef? Describe(string name) => Declared.Value.GetValueOrDefault(name);

    public Task<string> GetFileAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_verified.GetOrAdd(name, Find));

    private string Find(string name)
    {
        var artifact = Describe(name) ?? throw new ArgumentException($"'{name}' is not declared in artifacts.json");
        foreach (var mirror in TestPaths.Mirrors)
        {
            foreach (var path in Directory.EnumerateFiles(mirror, name, SearchOption.AllDirectories))
            {
                using var stream = File.OpenRead(path);
                if (stream.Length == artifact.Size && Convert.ToHexStringLower(SHA256.HashData(stream)) == artifact.Sha256)
                {
                    return path;
                }
            }
        }

        throw new FileNotFoundException($"no verified copy of '{name}' in the test mirrors");
    }

    private static Dictionary<string, ArtifactRef> Read()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestPaths.RepositoryRoot, "artifacts.json")));
        return document.RootElement.GetProperty("artifacts").EnumerateArray()
            .Select(a => new ArtifactRef(a.GetProperty("name").GetString()!, a.GetProperty("size").GetInt64(), a.GetProperty("sha256").GetString()!))
            .ToDictionary(a => a.Name, StringComparer.Ordinal);
    }
}
