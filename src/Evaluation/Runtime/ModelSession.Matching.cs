using System.Globalization;

namespace ModelGrid.Evaluation.Runtime;

public sealed partial class ModelSession
{
    /// <summary>Checks the inputs against the declared ones and returns them in the model's order.</summary>
    internal List<InputTensor> MatchInputs(IReadOnlyList<InputTensor> inputs)
    {
        var given = new Dictionary<string, InputTensor>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            ArgumentNullException.ThrowIfNull(input, nameof(inputs));
            if (!_inputsByName.TryGetValue(input.Name, out var spec))
            {
                throw new ModelInputMismatchException(
                    $"input '{input.Name}' is not declared by the model (its inputs: {string.Join(", ", Inputs.Select(i => i.Name))})");
            }

            if (!given.TryAdd(input.Name, input))
            {
                throw new ModelInputMismatchException($"input '{input.Name}' is given more than once");
            }

            Check(spec, input);
        }

        var missing = Inputs.Where(i => !given.ContainsKey(i.Name)).Select(i => i.Name).ToList();
        if (missing.Count > 0)
        {
            var also = missing.Count > 1 ? $" (also missing: {string.Join(", ", missing.Skip(1))})" : "";
            throw new ModelInputMismatchException($"input '{missing[0]}' is declared by the model but not provided{also}");
        }

        return [.. Inputs.Select(i => given[i.Name])];
    }

    private string[] RequestedOutputs(IReadOnlyList<string>? outputNames)
    {
        var names = outputNames is null ? [.. Outputs.Select(o => o.Name)] : outputNames.ToArray();
        if (names.Length == 0)
        {
            throw new ArgumentException("at least one output must be requested", nameof(outputNames));
        }

        foreach (var name in names)
        {
            if (!_outputsByName.TryGetValue(name, out var spec))
            {
                throw new ArgumentException(
                    $"output '{name}' is not declared by the model (its outputs: {string.Join(", ", Outputs.Select(o => o.Name))})", nameof(outputNames));
            }

            if (spec.ElementType is TensorElementKind.String or TensorElementKind.Other && !IsReadableOther(name))
            {
                throw new ModelRunException(
                    $"output '{name}' is {TensorElements.Name(spec.ElementType)}, not numeric; run with the names of numeric outputs only");
            }
        }

        return names;
    }

    /// <summary>Element types the grid has no kind for but can still read as numbers (float16, int16, ...).</summary>
    private bool IsReadableOther(string outputName)
    {
        var metadata = _session.OutputMetadata[outputName];
        return metadata.OnnxValueType == Microsoft.ML.OnnxRuntime.OnnxValueType.ONNX_TYPE_TENSOR && TensorElements.IsNumeric(metadata.ElementDataType);
    }

    private static void Check(TensorSpec spec, InputTensor input)
    {
        if (spec.ElementType == TensorElementKind.Other)
        {
            throw new ModelInputMismatchException($"model input '{spec.Name}' has a type the grid cannot feed (not a tensor of float, double, int64, int32, string, bool or uint8)");
        }

        if (spec.ElementType != input.ElementType)
        {
            throw new ModelInputMismatchException(
                $"model input '{spec.Name}' expects {TensorElements.Name(spec.ElementType)}, got {TensorElements.Name(input.ElementType)}");
        }

        ArgumentNullException.ThrowIfNull(input.Data, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Shape, nameof(input));
        var arrayType = TensorElements.ArrayType(input.ElementType);
        if (input.Data.GetType() != arrayType)
        {
            throw new ModelInputMismatchException(
                $"input '{input.Name}' is {TensorElements.Name(input.ElementType)} but its data is a {input.Data.GetType().Name}, not a {arrayType?.Name}");
        }

        var given = Shapes.Format(input.Shape);
        if (input.Shape.Any(d => d < 0))
        {
            throw new ModelInputMismatchException($"input '{input.Name}' has a negative dimension in its shape {given}");
        }

        // A model that declares no shape at all (rank 0 in the metadata) is left to ONNX Runtime to check.
        if (spec.Shape.Count > 0)
        {
            var fits = spec.Shape.Count == input.Shape.Length && spec.Shape.Select((d, i) => d < 0 || d == input.Shape[i]).All(f => f);
            if (!fits)
            {
                throw new ModelInputMismatchException($"model input '{spec.Name}' expects shape {spec.ShapeText}, got {given}");
            }
        }

        var count = Shapes.ElementCount(input.Shape);
        if (count != input.Data.Length)
        {
            throw new ModelInputMismatchException(string.Create(CultureInfo.InvariantCulture,
                $"input '{input.Name}' has shape {given} ({count} elements) but {input.Data.Length} values"));
        }
    }
}
