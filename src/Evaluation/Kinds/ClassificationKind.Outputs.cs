using ModelGrid.Evaluation.Metrics;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>Reading a classifier's outputs and computing its metrics.</summary>
public sealed partial class ClassificationKind
{
    private static OutputTensor Pick(OutputSpec output, IReadOnlyList<OutputTensor> outputs)
    {
        if (output.Name is { } name)
        {
            return outputs.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal))
                ?? throw new ModelInputMismatchException($"the model has no output '{name}'; it has {string.Join(", ", outputs.Select(o => o.Name))}");
        }

        return outputs.Count == 1
            ? outputs[0]
            : throw new ModelInputMismatchException($"the model has {outputs.Count} outputs ({string.Join(", ", outputs.Select(o => o.Name))}); the suite must name the one it scores");
    }

    private static (int[] Predicted, double[] Scores) BinaryOutputs(SuiteSpec spec, List<OutputTensor> outputs, int rows)
    {
        var output = spec.Output!;
        var predicted = new int[rows];
        var scores = new double[rows];
        var row = 0;
        foreach (var tensor in outputs)
        {
            var batch = tensor.Shape.Length == 0 ? 1 : (int)tensor.Shape[0];
            var width = batch == 0 ? 0 : tensor.Values.Length / batch;
            if (width is not (1 or 2) || width * batch != tensor.Values.Length)
            {
                throw new ModelInputMismatchException(
                    $"output '{tensor.Name}' has shape [{string.Join(", ", tensor.Shape)}]; a binary suite reads one value per row, or two with the positive class second");
            }

            for (var i = 0; i < batch; i++, row++)
            {
                double value = tensor.Values[(i * width) + width - 1];
                switch (output.Kind)
                {
                    case OutputKind.Label:
                        predicted[row] = value switch
                        {
                            0 => 0,
                            1 => 1,
                            _ => throw new ModelInputMismatchException($"output '{tensor.Name}' gave the label {value} for row {row + 1}; a binary label is 0 or 1"),
                        };
                        scores[row] = double.NaN;
                        continue;
                    case OutputKind.Logits:
                        value = width == 2
                            ? 1.0 / (1.0 + Math.Exp(tensor.Values[i * 2] - value))
                            : ProbabilityTransforms.Sigmoid(value);
                        break;
                }

                if (!(value is >= 0 and <= 1))
                {
                    throw new ModelInputMismatchException($"output '{tensor.Name}' gave {value} for row {row + 1}, which is no probability; declare kind: logits if it holds scores");
                }

                scores[row] = value;
                predicted[row] = value >= output.Threshold ? 1 : 0;
            }
        }

        return row == rows ? (predicted, scores) : throw new ModelInputMismatchException($"the model gave {row} rows of output for {rows} rows of input");
    }

    private static (int[] Predicted, double[] Probabilities, double[] TopScores) MulticlassOutputs(SuiteSpec spec, List<OutputTensor> outputs, int rows, int classes)
    {
        var kind = spec.Output!.Kind;
        var predicted = new int[rows];
        var probabilities = kind == OutputKind.Label ? [] : new double[rows * classes];
        var top = new double[rows];
        var row = 0;
        var logits = new double[classes];
        foreach (var tensor in outputs)
        {
            var batch = tensor.Shape.Length == 0 ? 1 : (int)tensor.Shape[0];
            var width = kind == OutputKind.Label ? 1 : classes;
            if (batch * width != tensor.Values.Length)
            {
                throw new ModelInputMismatchException(
                    $"output '{tensor.Name}' has shape [{string.Join(", ", tensor.Shape)}]; the suite reads {width} value(s) per row for {classes} classes");
            }

            for (var i = 0; i < batch; i++, row++)
            {
                if (kind == OutputKind.Label)
                {
                    var label = tensor.Values[i];
                    predicted[row] = label >= 0 && label < classes && label == Math.Floor(label)
                        ? (int)label
                        : throw new ModelInputMismatchException($"output '{tensor.Name}' gave the label {label} for row {row + 1}, not a class from 0 to {classes - 1}");
                    top[row] = double.NaN;
                    continue;
                }

                var p = probabilities.AsSpan(row * classes, classes);
                for (var k = 0; k < classes; k++)
                {
                    logits[k] = tensor.Values[(i * classes) + k];
                }

                if (kind == OutputKind.Logits)
                {
                    ProbabilityTransforms.Softmax(logits, classes, p);
                }
                else
                {
                    logits.CopyTo(p);
                }

                var best = 0;
                for (var k = 1; k < classes; k++)
                {
                    if (p[k] > p[best])
                    {
                        best = k;
                    }
                }

                predicted[row] = best;
                top[row] = p[best];
            }
        }

        return row == rows ? (predicted, probabilities, top) : throw new ModelInputMismatchException($"the model gave {row} rows of output for {rows} rows of input");
    }

    private static List<MetricValue> BinaryMetrics(int[] labels, int[] predicted, double[] scores, SuiteSpec spec, BootstrapOptions bootstrap, List<MetricWarning> warnings)
    {
        var counts = ConfusionCounts.FromRows(labels, predicted);
        var rates = Bootstrap.Binary(counts, spec.Fairness?.ZeroDivision ?? ZeroDivisionPolicy.NaN, bootstrap);
        warnings.AddRange(rates.Warnings);
        var values = rates.Intervals.Select(i => SuiteRunner.Value(i, i.Metric.StartsWith("overall.", StringComparison.Ordinal) ? i.Metric["overall.".Length..] : i.Metric)).ToList();
        if (spec.Output!.Kind != OutputKind.Label)
        {
            var scored = Bootstrap.Scores(labels, scores, spec.CalibrationBins, bootstrap);
            warnings.AddRange(scored.Warnings);
            values.AddRange(scored.Intervals.Select(i => SuiteRunner.Value(i, i.Metric)));
        }

        return values;
    }

    private static List<MetricValue> MulticlassMetricValues(
        int[] labels, int[] predicted, double[] probabilities, int classes, SuiteSpec spec, BootstrapOptions bootstrap, List<MetricWarning> warnings)
    {
        var confusion = MulticlassConfusion.Count(labels, predicted, classes);
        var counts = Bootstrap.Multiclass(confusion, ZeroDivisionPolicy.NaN, bootstrap);
        warnings.AddRange(counts.Warnings);
        var values = counts.Intervals.Select(i => SuiteRunner.Value(i, i.Metric)).ToList();
        if (spec.Output!.Kind != OutputKind.Label)
        {
            var scored = Bootstrap.MulticlassScores(labels, probabilities, classes, spec.CalibrationBins, bootstrap);
            warnings.AddRange(scored.Warnings);
            values.AddRange(scored.Intervals.Select(i => SuiteRunner.Value(i, i.Metric)));
        }

        return values;
    }
}
