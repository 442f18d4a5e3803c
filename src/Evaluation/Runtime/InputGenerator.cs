namespace ModelGrid.Evaluation.Runtime;

/// <summary>
/// Inputs drawn from a seed for each input spec: its element type and shape, the batch in the first dynamic
/// dimension, values from the declared range or the caller's string categories. The same seed and batch size give
/// the same inputs, whatever else the run measures.
/// </summary>
internal static class InputGenerator
{
    /// <summary>Fails with a clear message when the settings cannot feed an input (a string input without values).</summary>
    public static void CheckFeedable(IReadOnlyList<TensorSpec> inputs, ThroughputSettings settings)
    {
        foreach (var spec in inputs)
        {
            if (spec.ElementType == TensorElementKind.Other)
            {
                throw new ModelInputMismatchException($"model input '{spec.Name}' has a type the throughput runner cannot generate");
            }

            if (spec.ElementType == TensorElementKind.String &&
                (!settings.StringValues.TryGetValue(spec.Name, out var values) || values.Count == 0))
            {
                throw new ArgumentException(
                    $"string input '{spec.Name}' has no category values to draw from: set ThroughputSettings.StringValues[\"{spec.Name}\"]", nameof(settings));
            }

            if (settings.ValueRanges.TryGetValue(spec.Name, out var range) && !(range.Max >= range.Min))
            {
                throw new ArgumentException($"the value range of input '{spec.Name}' is empty: [{range.Min}, {range.Max})", nameof(settings));
            }
        }
    }

    public static List<GeneratedInput> Generate(IReadOnlyList<TensorSpec> inputs, int batchSize, ThroughputSettings settings)
    {
        var random = new SplitMix64(unchecked(((ulong)(uint)settings.Seed << 32) ^ ((ulong)batchSize * 0x9E3779B97F4A7C15UL)));
        var generated = new List<GeneratedInput>(inputs.Count);
        foreach (var spec in inputs)
        {
            var shape = spec.Shape
                .Select((d, i) => d >= 0 ? d : i == 0 ? batchSize : settings.OtherDynamicDimensionSize ?? batchSize)
                .ToArray();
            var count = Shapes.ElementCount(shape);
            if (count < 0 || count > Array.MaxLength)
            {
                throw new ModelTooLargeException(
                    $"input '{spec.Name}' at batch {batchSize} has the shape {Shapes.Format(shape)}: {(count < 0 ? "more elements than a 64-bit count holds" : $"{count} elements")}, more than one tensor the grid feeds can hold ({Array.MaxLength})");
            }

            var length = (int)count;

            var range = settings.ValueRanges.GetValueOrDefault(spec.Name, ValueRange.Unit);
            Array data = spec.ElementType switch
            {
                TensorElementKind.Float => Fill(length, ref random, (ref SplitMix64 r) => (float)(range.Min + (r.NextDouble() * (range.Max - range.Min)))),
                TensorElementKind.Double => Fill(length, ref random, (ref SplitMix64 r) => range.Min + (r.NextDouble() * (range.Max - range.Min))),
                TensorElementKind.Int64 => Fill(length, ref random, (ref SplitMix64 r) => Whole(ref r, range)),
                TensorElementKind.Int32 => Fill(length, ref random, (ref SplitMix64 r) => (int)Whole(ref r, range)),
                TensorElementKind.UInt8 => Fill(length, ref random, (ref SplitMix64 r) => (byte)Math.Clamp(Whole(ref r, range), 0, 255)),
                TensorElementKind.Bool => Fill(length, ref random, (ref SplitMix64 r) => r.NextDouble() < 0.5),
                TensorElementKind.String => Strings(length, ref random, settings.StringValues[spec.Name]),
                _ => throw new ModelInputMismatchException($"model input '{spec.Name}' has a type the throughput runner cannot generate"),
            };
            generated.Add(new GeneratedInput(spec, shape, data));
        }

        return generated;
    }

    private delegate T Draw<T>(ref SplitMix64 random);

    private static T[] Fill<T>(int count, ref SplitMix64 random, Draw<T> draw)
    {
        var values = new T[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = draw(ref random);
        }

        return values;
    }

    private static string[] Strings(int count, ref SplitMix64 random, IReadOnlyList<string> categories)
    {
        var values = new string[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = categories[(int)(random.NextDouble() * categories.Count)];
        }

        return values;
    }

    private static long Whole(ref SplitMix64 random, ValueRange range)
    {
        var low = (long)Math.Ceiling(range.Min);
        var high = (long)Math.Ceiling(range.Max);
        return high <= low ? low : low + (long)(random.NextDouble() * (high - low));
    }
}
