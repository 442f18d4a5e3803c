namespace ModelGrid.Testing;

/// <summary>
/// The one way tests reach third-party files (DESIGN.md §10): declared artifacts, verified, from the shared folder's
/// mirrors or, when the machine is online, their pinned sources through the user's cache; and the few shared files
/// without a public source. <see cref="TestArtifactSettings"/> says which variables steer it.
/// </summary>
public static class TestArtifacts
{
    private static readonly Lazy<TestArtifactProvider> Provider = new(() => new TestArtifactProvider(TestArtifactSettings.FromEnvironment()));

    /// <summary>The mirror folder to give silos and CLIs under test (<c>Grid:Artifacts:Mirrors:0</c>): every declared artifact, verified, by name.</summary>
    public static string MirrorFolder => Provider.Value.MirrorFolder;

    /// <summary>The verified file of a declared artifact, e.g. <c>Get("mnist.onnx")</c>.</summary>
    public static string Get(string name) => Provider.Value.Get(name);

    /// <summary>A file or folder under the shared folder that has no public source (not verified; never downloaded).</summary>
    public static string SharedPath(string relativePath) => Provider.Value.SharedPath(relativePath);
}
