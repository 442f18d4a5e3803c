using ModelGrid.Hub;

namespace ModelGrid.Silo.Worker;

/// <summary>Which file of a version is the model a suite runs.</summary>
public static class ModelFiles
{
    /// <summary>The version's only <c>.onnx</c> file, or <c>model.onnx</c> at its root when it has several.</summary>
    public static DeclaredFile Pick(IReadOnlyList<DeclaredFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var models = files.Where(f => f.Path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)).ToList();
        return models.Count switch
        {
            0 => throw new InvalidOperationException("the version holds no .onnx file to evaluate"),
            1 => models[0],
            _ => models.FirstOrDefault(f => f.Path == "model.onnx")
                ?? throw new InvalidOperationException($"the version holds {models.Count} .onnx files ({string.Join(", ", models.Select(f => f.Path))}) and none is model.onnx at its root; the grid cannot tell which one to evaluate"),
        };
    }
}
