using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ModelGrid.Evaluation.Suites;

/// <summary>
/// A strict view of one YAML mapping: every key read is ticked off, and <see cref="Done"/> refuses any key the schema
/// does not know, so a typo is an error, never a silently ignored setting. A suite kind reads its part of
/// <c>suite.yaml</c> through it (<see cref="Kinds.ISuiteKind.Read"/>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Each reader is named after the YAML value it reads.")]
public sealed class YamlObject(YamlMappingNode node, string path, string file)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public string Path => path;

    public static YamlObject Root(YamlMappingNode node, string file) => new(node, "", file);

    public bool Has(string key) => Find(key) is not null;

    public string RequiredString(string key) =>
        OptionalString(key) ?? throw Error(key, "is required");

    public string? OptionalString(string key) => Find(key) switch
    {
        null => null,
        YamlScalarNode scalar => scalar.Value ?? "",
        _ => throw Error(key, "must be a single value"),
    };

    public int Int(string key, int fallback, int min, int max)
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw Error(key, $"must be a whole number from {min} to {max}, not '{text}'");
        }

        return value;
    }

    public ulong ULong(string key, ulong fallback)
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return fallback;
        }

        return ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(key, $"must be a non-negative whole number, not '{text}'");
    }

    public double Double(string key, double fallback, double min, double max)
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value >= min && value <= max))
        {
            throw Error(key, $"must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
        }

        return value;
    }

    /// <summary>A duration such as <c>90s</c>, <c>10m</c>, <c>2h</c> or <c>1h30m</c>; null when absent.</summary>
    public TimeSpan? Duration(string key, TimeSpan min, TimeSpan max)
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return null;
        }

        var value = Quantities.ParseDuration(text);
        return value is { } duration && duration >= min && duration <= max
            ? duration
            : throw Error(key, $"must be a duration such as 90s, 10m, 2h or 1h30m, from {Quantities.Duration(min)} to {Quantities.Duration(max)}, not '{text}'");
    }

    /// <summary>A size in bytes such as <c>512MiB</c> or <c>2GiB</c> (binary units; a bare number is bytes); null when absent.</summary>
    public long? ByteSize(string key, long min, long max)
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return null;
        }

        var value = Quantities.ParseBytes(text);
        return value is { } bytes && bytes >= min && bytes <= max
            ? bytes
            : throw Error(key, $"must be a size such as 512MiB or 2GiB, from {Quantities.Bytes(min)} to {Quantities.Bytes(max)}, not '{text}'");
    }

    public bool Bool(string key, bool fallback) => OptionalString(key) switch
    {
        null => fallback,
        "true" => true,
        "false" => false,
        var other => throw Error(key, $"must be true or false, not '{other}'"),
    };

    public T Enum<T>(string key, T fallback, params (string Name, T Value)[] names)
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return fallback;
        }

        foreach (var (name, value) in names)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw Error(key, $"must be one of {string.Join(", ", names.Select(n => n.Name))}, not '{text}'");
    }

    public IReadOnlyList<string> Strings(string key) => Find(key) switch
    {
        null => [],
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlSequenceNode sequence => [.. sequence.Children.Select((c, i) => c is YamlScalarNode s
            ? s.Value ?? ""
            : throw Error($"{key}[{i}]", "must be a single value"))],
        _ => throw Error(key, "must be a value or a list of values"),
    };

    public YamlObject? Object(string key) => Find(key) switch
    {
        null => null,
        YamlMappingNode mapping => new YamlObject(mapping, Join(key), file),
        _ => throw Error(key, "must be a mapping of keys to values"),
    };

    public YamlObject RequiredObject(string key) => Object(key) ?? throw Error(key, "is required");

    public IReadOnlyList<YamlObject> Objects(string key) => Find(key) switch
    {
        null => [],
        YamlSequenceNode sequence => [.. sequence.Children.Select((c, i) => c is YamlMappingNode m
            ? new YamlObject(m, $"{Join(key)}[{i}]", file)
            : throw Error($"{key}[{i}]", "must be a mapping of keys to values"))],
        _ => throw Error(key, "must be a list"),
    };

    public IReadOnlyList<IReadOnlyList<string>> StringLists(string key) => Find(key) switch
    {
        null => [],
        YamlSequenceNode sequence => [.. sequence.Children.Select((c, i) => c is YamlSequenceNode inner
            ? (IReadOnlyList<string>)[.. inner.Children.Select(x => x is YamlScalarNode s ? s.Value ?? "" : throw Error($"{key}[{i}]", "must be a list of values"))]
            : throw Error($"{key}[{i}]", "must be a list of values"))],
        _ => throw Error(key, "must be a list of lists"),
    };

    public IReadOnlyDictionary<string, IReadOnlyList<string>> StringListMap(string key)
    {
        var map = Object(key);
        if (map is null)
        {
            return new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        }

        var result = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var name in map.Keys())
        {
            result[name] = map.Strings(name);
        }

        map.Done();
        return result;
    }

    public IReadOnlyList<string> Keys() => [.. node.Children.Keys.Select(k => ((YamlScalarNode)k).Value ?? "")];

    /// <summary>Refuses the keys nobody read.</summary>
    public void Done()
    {
        foreach (var key in node.Children.Keys)
        {
            var name = key is YamlScalarNode s ? s.Value ?? "" : key.ToString();
            if (!_read.Contains(name))
            {
                throw Error(name, "is not a known setting here");
            }
        }
    }

    public SuiteFormatException Error(string key, string problem) => new($"{file}: {Join(key)} {problem}");

    private YamlNode? Find(string key)
    {
        _read.Add(key);
        return node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    private string Join(string key) => path.Length == 0 ? key : $"{path}.{key}";
}
