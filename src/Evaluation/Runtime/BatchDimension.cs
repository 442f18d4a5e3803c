using System.Globalization;

namespace ModelGrid.Evaluation.Runtime;

/// <summary>
/// Which batch sizes a model's inputs allow: any when every input's first dimension is dynamic, only the fixed size
/// otherwise (DESIGN.md §9.6: never emulated by looping).
/// </summary>
internal static class BatchDimension
{
    /// <summary>Null when <paramref name="batchSize"/> can run, otherwise why not.</summary>
    public static string? WhyNot(IReadOnlyList<TensorSpec> inputs, int batchSize)
    {
        var withoutBatch = inputs.FirstOrDefault(i => i.Shape.Count == 0);
        if (withoutBatch is not null && batchSize != 1)
        {
            return $"not supported (input '{withoutBatch.Name}' has no batch dimension)";
        }

        var fixedSize = inputs.Where(i => i.Shape.Count > 0 && i.Shape[0] >= 0).Select(i => i.Shape[0]).Cast<long?>().FirstOrDefault();
        return fixedSize is { } size && size != batchSize
            ? string.Create(CultureInfo.InvariantCulture, $"not supported (fixed batch dimension {size})")
            : null;
    }
}
