using ModelGrid.Evaluation.Suites;
using ModelGrid.Storage.Artifacts;
using ModelGrid.Testing;

namespace ModelGrid.Evaluation.Tests;

/// <summary>
/// The suites' data for the runner: the project's declared artifacts (<c>artifacts.json</c>), each a file verified by
/// size and SHA-256 by <see cref="TestArtifacts"/>, as the hub's resolver verifies it.
/// </summary>
public sealed class MirrorArtifacts : IArtifactFiles
{
    public static MirrorArtifacts Instance { get; } = new();

    public static string SuitesFolder => Path.Combine(TestPaths.RepositoryRoot, "eval-suites");

    public static string SampleModel(string model, int version) =>
        Path.Combine(SuitesFolder, "models", model, $"v{version}", "model.onnx");

    public static string MnistModel => TestArtifacts.Get("mnist.onnx");

    public ArtifactRef? Describe(string name) =>
        ArtifactManifest.Default.Find(name) is { } artifact ? new ArtifactRef(artifact.Name, artifact.Size, artifact.Sha256) : null;

    public Task<string> GetFileAsync(string name, CancellationToken cancellationToken = default) =>
        Describe(name) is null
            ? throw new ArgumentException($"'{name}' is not declared in artifacts.json")
            : Task.FromResult(TestArtifacts.Get(name));
}
