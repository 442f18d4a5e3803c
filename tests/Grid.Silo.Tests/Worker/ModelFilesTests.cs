using ModelGrid.Hub;
using ModelGrid.Silo.Worker;

namespace ModelGrid.Silo.Tests.Worker;

public sealed class ModelFilesTests
{
    private static DeclaredFile File(string path) => new(path, 1, new string('a', 64), true);

    [Fact]
    public void Pick_OneOnnxFile_IsThatFile() =>
        Assert.Equal("nets/digits.onnx", ModelFiles.Pick([File("README.txt"), File("nets/digits.onnx")]).Path);

    [Fact]
    public void Pick_SeveralWithModelOnnxAtTheRoot_IsModelOnnx() =>
        Assert.Equal("model.onnx", ModelFiles.Pick([File("a.onnx"), File("model.onnx")]).Path);

    [Fact]
    public void Pick_SeveralWithoutModelOnnx_SaysWhichItCannotChooseFrom()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ModelFiles.Pick([File("a.onnx"), File("b.onnx")]));

        Assert.Equal("the version holds 2 .onnx files (a.onnx, b.onnx) and none is model.onnx at its root; the grid cannot tell which one to evaluate", error.Message);
    }

    [Fact]
    public void Pick_NoOnnxFile_Fails() =>
        Assert.Equal("the version holds no .onnx file to evaluate", Assert.Throws<InvalidOperationException>(() => ModelFiles.Pick([File("weights.bin")])).Message);
}
