using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ModelGrid.Openness;

/// <summary>
/// The Model Openness Tool's YAML model file: read into an <see cref="OpennessRecord"/> with MOT's meaning of every key
/// (a component licence that is absent or null inherits, <c>''</c> or <c>unlicensed</c> means none), and written back
/// with only the keys MOT's importer accepts.
/// </summary>
public static partial class MotYaml
{
    /// <summary>The framework name every MOT file declares.</summary>
    public const string FrameworkName = "Model Openness Framework";

    private const int MaxDepth = 8;

    private static readonly string[] ScalarReleaseKeys =
        ["name", "version", "date", "type", "architecture", "treatment", "origin", "producer", "contact", "repository", "huggingface"];

    private static readonly string[] LicenseKinds = ["distribution", "code", "data", "document"];

    /// <summary>Reads a MOT model file.</summary>
    /// <exception cref="OpennessFormatException">The text is not a MOT model file; the message says what is wrong and where.</exception>
    public static OpennessRecord Read(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var root = Load(yaml);
        Check(root, "the file", ["framework", "release"]);
        if (Child(root, "framework") is { } framework)
        {
            if (framework is not YamlMappingNode frameworkMap || Text(frameworkMap, "name", "framework") != FrameworkName)
            {
                throw new OpennessFormatException($"'framework.name' must be '{FrameworkName}'");
            }
        }

        if (Child(root, "release") is not YamlMappingNode release)
        {
            throw new OpennessFormatException("the file needs a 'release' mapping");
        }

        Check(release, "release", [.. ScalarReleaseKeys, "license", "components"]);
        var name = Text(release, "name", "release");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new OpennessFormatException("'release.name' is required");
        }

        var record = new OpennessRecord(name, Text(release, "producer", "release"), Text(release, "date", "release"), ReadLicenses(release), ReadComponents(release))
        {
            Repository = Text(release, "repository", "release"),
            HuggingFace = Text(release, "huggingface", "release"),
            Version = Text(release, "version", "release"),
            Type = Text(release, "type", "release"),
            Architecture = Text(release, "architecture", "release"),
            Treatment = Text(release, "treatment", "release"),
            Origin = Text(release, "origin", "release"),
            Contact = Text(release, "contact", "release"),
        };
        return record.Normalized();
    }

    private static YamlMappingNode Load(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            CheckDepth(yaml);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new OpennessFormatException($"the YAML is invalid at line {e.Start.Line}, column {e.Start.Column}: {e.Message.Split('\n')[0].Trim()}");
        }
        catch (InvalidOperationException)
        {
            throw new OpennessFormatException("the YAML is invalid: an unterminated [ ] or { } collection");
        }

        return stream.Documents.Count switch
        {
            0 => throw new OpennessFormatException("the file is empty"),
            > 1 => throw new OpennessFormatException("the file holds more than one YAML document"),
            _ => stream.Documents[0].RootNode as YamlMappingNode ?? throw new OpennessFormatException("the file must be a mapping with 'framework' and 'release'"),
        };
    }

    private static void CheckDepth(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case SequenceStart or MappingStart when ++depth > MaxDepth:
                    throw new OpennessFormatException($"the YAML nests lists and mappings more than {MaxDepth} levels deep");
                case SequenceEnd or MappingEnd:
                    depth--;
                    break;
                case AnchorAlias:
                    throw new OpennessFormatException("the YAML uses an alias (*name); MOT files do not");
            }
        }
    }

    private static ReleaseLicenses ReadLicenses(YamlMappingNode release)
    {
        // PHP writes an empty map as [], so MOT's own JSON has "license": [] for a release without one.
        if (Child(release, "license") is not { } node || IsNull(node) || node is YamlSequenceNode { Children.Count: 0 })
        {
            return ReleaseLicenses.None;
        }

        if (node is not YamlMappingNode map)
        {
            throw new OpennessFormatException("'release.license' must be a mapping of distribution, code, data and document");
        }

        Check(map, "release.license", LicenseKinds);
        ReleaseLicense? Read(string kind)
        {
            var path = $"release.license.{kind}";
            if (Child(map, kind) is not { } value || IsNull(value))
            {
                return null;
            }

            if (value is not YamlMappingNode entry)
            {
                throw new OpennessFormatException($"'{path}' must be a mapping with 'name' and 'path'");
            }

            Check(entry, path, ["name", "path"]);
            return new ReleaseLicense(Text(entry, "name", path), Text(entry, "path", path));
        }

        return new ReleaseLicenses(Read("distribution"), Read("code"), Read("data"), Read("document"));
    }

    private static List<ComponentRelease> ReadComponents(YamlMappingNode release)
    {
        if (Child(release, "components") is not { } node || IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode list)
        {
            throw new OpennessFormatException("'release.components' must be a list");
        }

        var components = new List<ComponentRelease>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = $"release.components[{i}]";
            if (list.Children[i] is not YamlMappingNode entry)
            {
                throw new OpennessFormatException($"'{path}' must be a mapping with at least 'name'");
            }

            Check(entry, path, ["name", "description", "license", "license_path", "component_path"]);
            var name = Text(entry, "name", path) ?? throw new OpennessFormatException($"'{path}' has no 'name'");
            if (MofComponents.Find(name) is null)
            {
                throw new OpennessFormatException($"{path}: {MofComponents.UnknownMessage(name)}");
            }

            // MOT reads the licence with PHP's isset: absent or null inherits, '' is an explicit "no licence".
            var license = Text(entry, "license", path);
            components.Add(new ComponentRelease(name, license == string.Empty ? OpennessRecord.Unlicensed : license, Text(entry, "license_path", path), Text(entry, "component_path", path)));
        }

        return components;
    }

    private static void Check(YamlMappingNode map, string where, string[] known)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } text } || !known.Contains(text, StringComparer.Ordinal))
            {
                throw new OpennessFormatException(
                    $"{where} has the key '{(key as YamlScalarNode)?.Value ?? "(not a string)"}', which MOT does not accept (known: {string.Join(", ", known)})");
            }
        }
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Text(YamlMappingNode map, string key, string where)
    {
        if (Child(map, key) is not { } node || IsNull(node))
        {
            return null;
        }

        return node is YamlScalarNode scalar
            ? scalar.Value ?? string.Empty
            : throw new OpennessFormatException($"'{where}.{key}' must be a single value");
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" } scalar
        && (scalar.Tag.IsEmpty || scalar.Tag.Value == "tag:yaml.org,2002:null");
}
