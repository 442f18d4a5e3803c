using System.Text.Json.Serialization;

namespace ModelGrid.Evaluation.Suites;

/// <summary>
/// What a suite measures, by the name a suite's YAML, a stored result and the API use (<c>accuracy</c>, <c>bias</c>,
/// <c>throughput</c>). The set is open: a kind is whatever is registered (<c>SuiteKinds</c> in the engine,
/// <see cref="Kinds.SuiteKindPresentations"/> for reports and cards); a stored result keeps its kind's name whether or
/// not the reading process knows it.
/// </summary>
/// <param name="Name">The kind's name: lowercase letters, digits and '-'.</param>
[JsonConverter(typeof(SuiteKindJsonConverter))]
public readonly record struct SuiteKind(string Name)
{
    /// <summary>Classification quality on a labelled dataset.</summary>
    public static SuiteKind Accuracy { get; } = new("accuracy");

    /// <summary>Classification quality plus group fairness over declared sensitive features.</summary>
    public static SuiteKind Bias { get; } = new("bias");

    /// <summary>Speed on generated inputs; no labels.</summary>
    public static SuiteKind Throughput { get; } = new("throughput");

    /// <summary>Whether <paramref name="name"/> may name a kind: 1 to 64 lowercase letters, digits and '-', starting with a letter.</summary>
    /// <param name="name">The name.</param>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= 64 } && name[0] is >= 'a' and <= 'z' && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <summary>The name.</summary>
    public override string ToString() => Name ?? string.Empty;
}
