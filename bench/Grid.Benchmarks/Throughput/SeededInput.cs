using System.Collections;
using System.Reflection;
using ModelGrid.Evaluation.Runtime;

namespace ModelGrid.Benchmarks.Throughput;

/// <summary>
/// The float input the throughput runner feeds a model at a given seed and batch size, drawn here the way
/// <c>InputGenerator</c> draws it (SplitMix64 seeded from the seed and the batch, values in [0, 1)), so the bare loop
/// runs on the very same tensor.
/// </summary>
public static class SeededInput
{
    private const string GeneratorType = "ModelGrid.Evaluation.Runtime.InputGenerator";

    public static float[] Draw(int count, int seed, int batchSize)
    {
        var random = new SplitMix64(unchecked(((ulong)(uint)seed << 32) ^ ((ulong)batchSize * 0x9E3779B97F4A7C15UL)));
        var values = new float[count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(ValueRange.Unit.Min + (random.NextDouble() * (ValueRange.Unit.Max - ValueRange.Unit.Min)));
        }

        return values;
    }

    /// <summary>
    /// Whether <paramref name="values"/> equal, bit for bit, what the runner generates for <paramref name="spec"/>. The
    /// generator is internal to Grid.Evaluation, so it is called by reflection: a claim of "same input" is checked, not
    /// assumed, and a rename there fails the run loudly instead of silently comparing different tensors.
    /// </summary>
    public static bool EqualsRunnerInput(TensorSpec spec, int batchSize, ThroughputSettings settings, float[] values)
    {
        var generator = typeof(ThroughputRunner).Assembly.GetType(GeneratorType)
            ?? throw new InvalidOperationException($"{GeneratorType} is not in Grid.Evaluation any more: update the input check of the throughput benchmark");
        var generate = generator.GetMethod("Generate", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{GeneratorType}.Generate is gone: update the input check of the throughput benchmark");
        var generated = (IList)generate.Invoke(null, [new List<TensorSpec> { spec }, batchSize, settings])!;
        var data = generated[0]!.GetType().GetProperty("Data")?.GetValue(generated[0]) as float[]
            ?? throw new InvalidOperationException($"{GeneratorType}.Generate did not return float data for '{spec.Name}'");
        return data.AsSpan().SequenceEqual(values);
    }
}
