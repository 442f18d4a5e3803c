using ModelGrid.Silo.Worker;

namespace ModelGrid.Silo.Tests.Worker;

public sealed class PathRedactorTests
{
    private readonly PathRedactor _redactor = new([("/srv/grid/cache/weights", "<cache>"), ("/srv/grid", "<data>"), ("/scratch", "<temp>")]);

    [Theory]
    [InlineData("Load model from /srv/grid/cache/weights/ab12 failed", "Load model from <cache>/ab12 failed")]
    [InlineData("'/srv/grid/state/x.json' is damaged", "'<data>/state/x.json' is damaged")]
    [InlineData("the folder /srv/grid", "the folder <data>")]
    [InlineData("/scratch/run-1/m.onnx and /scratchfiles/a/b.onnx", "<temp>/run-1/m.onnx and …/b.onnx")]
    [InlineData("   at Loader.Read() in /build/agent/src/Runtime/Loader.cs:line 98", "   at Loader.Read() in …/Loader.cs:line 98")]
    [InlineData(@"in C:\build\src\Loader.cs:line 98", @"in …\Loader.cs:line 98")]
    public void Redact_WorkerPaths_BecomePlaceholdersOrFileNames(string text, string expected)
    {
        Assert.Equal(expected, _redactor.Redact(text));
    }

    [Theory]
    [InlineData("result stored as results/3f2a/1.json")]
    [InlineData("threads 1, batch 8: 1200 samples/s, p50 0.8 ms")]
    [InlineData("see https://github.com/onnx/models/blob/main/mnist.onnx")]
    [InlineData("model file weights/model.onnx (26454 bytes, sha256 ab12cd34ef56)")]
    [InlineData("suite compas-recidivism@1 on demo/compas@4, 1/2 done")]
    public void Redact_TextWithoutAbsolutePaths_IsUnchanged(string text)
    {
        Assert.Equal(text, _redactor.Redact(text));
    }
}
