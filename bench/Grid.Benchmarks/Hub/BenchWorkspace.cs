namespace ModelGrid.Benchmarks.Hub;

/// <summary>The run's scratch folder: the silo's data folder, nginx's files and the generated file; deleted on dispose.</summary>
public sealed class BenchWorkspace : IDisposable
{
    private BenchWorkspace(string root) => Root = root;

    public string Root { get; }

    public string DataFolder => Path.Combine(Root, "data");

    public string NginxFolder => Path.Combine(Root, "nginx");

    public string SourceFile => Path.Combine(Root, "source.bin");

    public string SiloLog => Path.Combine(Root, "silo.log");

    public static BenchWorkspace Create(string parent)
    {
        var root = Path.Combine(parent, $"grid-bench-{Guid.NewGuid():N}"[..19]);
        Directory.CreateDirectory(root);
        // nginx's worker runs as an unprivileged user and must reach the blob inside the data folder.
        File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        Directory.CreateDirectory(Path.Combine(root, "nginx"));
        return new BenchWorkspace(root);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
