using ModelGrid.Silo.Evaluation;
using ModelGrid.Testing;

namespace ModelGrid.Silo.Tests.Evaluation;

public sealed class EvaluationOptionsTests
{
    /// <summary>
    /// A worker runs the suites beside its binaries: every file of every suite folder must be there, byte for byte, or
    /// a suite whose data the project ships (stories-choice's items.jsonl) runs locally but fails as a job.
    /// </summary>
    [Fact]
    public void ResolvedSuitesPath_Default_HoldsEveryFileOfEverySuiteFolder()
    {
        var source = Path.Combine(TestPaths.RepositoryRoot, "eval-suites");
        var copied = new EvaluationOptions().ResolvedSuitesPath;
        var suiteFolders = Directory.GetFiles(source, "suite.yaml", SearchOption.AllDirectories).Select(Path.GetDirectoryName).ToList();

        Assert.Contains(Path.Combine(source, "stories-choice"), suiteFolders);
        foreach (var file in suiteFolders.SelectMany(f => Directory.GetFiles(f!, "*", SearchOption.AllDirectories)))
        {
            var copy = Path.Combine(copied, Path.GetRelativePath(source, file));
            Assert.True(File.Exists(copy), $"{Path.GetRelativePath(source, file)} is not in {copied}");
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(copy));
        }
    }
}
