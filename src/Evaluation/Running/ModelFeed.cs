using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Running;

/// <summary>
/// Feeds a suite's rows to one model session: matches every input the model declares with the suite's mapping,
/// checks kinds and shapes before the first call, and runs the rows in batches the model's batch dimension allows.
/// </summary>
internal sealed class ModelFeed
{
    private readonly ModelSession _session;
    private readonly SuiteData _data;
    private readonly List<(TensorSpec Model, ModelInputSpec Suite)> _inputs = [];

    public ModelFeed(ModelSession session, SuiteData data)
    {
        _session = session;
        _data = data;
        var spec = data.Spec;
        foreach (var input in session.Inputs)
        {
            var mapped = spec.Inputs.FirstOrDefault(i => string.Equals(i.Name, input.Name, StringComparison.Ordinal))
                ?? (spec.Inputs is [{ Kind: InputKind.Item, Name: "" } only] && session.Inputs.Count == 1 ? only : null)
                ?? throw new ModelInputMismatchException(
                    $"the model's input '{input.Name}' is not mapped by suite {spec.Name}; it maps {string.Join(", ", spec.Inputs.Select(i => i.Name.Length == 0 ? "(the item)" : i.Name))}");
            Check(input, mapped);
            _inputs.Add((input, mapped));
        }

        var batches = session.Inputs.Select(i => i.Shape.Count == 0 ? 1 : i.Shape[0]).Distinct().ToList();
        BatchSize = batches.All(b => b < 0) ? spec.BatchSize : (int)Math.Max(1, batches.Where(b => b > 0).Min());
        if (batches.Any(b => b > 0) && data.Count % BatchSize != 0)
        {
            throw new ModelInputMismatchException($"the model's fixed batch dimension {BatchSize} does not divide the suite's {data.Count} rows");
        }
    }

    public int BatchSize { get; }

    public IReadOnlyList<OutputTensor> Run(int start, int count, CancellationToken cancellationToken)
    {
        var tensors = new List<InputTensor>(_inputs.Count);
        foreach (var (model, suite) in _inputs)
        {
            var shape = Shape(model, count);
            tensors.Add(suite.Kind switch
            {
                InputKind.Number => InputTensor.Float(model.Name, _data.Floats(suite, start, count), shape),
                InputKind.Text => InputTensor.String(model.Name, _data.Strings(suite, start, count), shape),
                _ => InputTensor.Float(model.Name, _data.Items(start, count), shape),
            });
        }

        return _session.Run(tensors, null, cancellationToken);
    }

    private void Check(TensorSpec model, ModelInputSpec suite)
    {
        var expected = suite.Kind == InputKind.Text ? TensorElementKind.String : TensorElementKind.Float;
        if (model.ElementType != expected)
        {
            throw new ModelInputMismatchException(
                $"the model's input '{model.Name}' takes {model.ElementType.ToString().ToLowerInvariant()} tensors, but suite {_data.Spec.Name} maps it as {suite.Kind.ToString().ToLowerInvariant()}");
        }

        if (suite.Kind == InputKind.Item)
        {
            // Checked: declared dimensions whose product wraps around must not pass for the item's length.
            var perItem = Shapes.ElementCount([.. model.Shape.Skip(1)]);
            if (perItem < 0 || perItem != _data.ItemLength)
            {
                throw new ModelInputMismatchException(
                    $"the model's input '{model.Name}' has shape [{string.Join(", ", model.Shape)}], which does not hold one item of {_data.ItemLength} values");
            }
        }
        else
        {
            if (suite.Column is null || !_data.HasColumn(suite.Column))
            {
                throw new ModelInputMismatchException($"the model's input '{model.Name}' is mapped from column '{suite.Column}', which the data do not have");
            }

            if (model.Shape.Count is < 1 or > 2 || (model.Shape.Count == 2 && model.Shape[1] != 1))
            {
                throw new ModelInputMismatchException(
                    $"the model's input '{model.Name}' has shape [{string.Join(", ", model.Shape)}]; a column feeds [N] or [N, 1]");
            }
        }
    }

    private static long[] Shape(TensorSpec model, int count)
    {
        if (model.Shape.Count == 0)
        {
            return [];
        }

        var shape = model.Shape.ToArray();
        shape[0] = count;
        return shape;
    }
}
