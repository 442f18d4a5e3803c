using ModelGrid.Evaluation.Kinds;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModelGrid.Evaluation.Suites;

/// <summary>
/// Reads <c>suite.yaml</c> into a <see cref="SuiteSpec"/> and checks it against the schema: unknown keys, missing
/// required ones, values out of range and settings that contradict each other are <see cref="SuiteFormatException"/>s
/// naming the file and the key. The loader reads the parts every suite has and leaves the rest to the suite's kind
/// (<see cref="ISuiteKind.Read"/>, looked up in <see cref="SuiteKinds"/>). The schema is documented in
/// <c>eval-suites/README.md</c>.
/// </summary>
public static partial class SuiteLoader
{
    /// <summary>The file name of a suite's spec inside its folder.</summary>
    public const string SpecFileName = "suite.yaml";

    /// <summary>Reads and checks <paramref name="yaml"/>; <paramref name="file"/> names it in errors.</summary>
    /// <param name="yaml">The spec's text.</param>
    /// <param name="file">The file it came from, for errors.</param>
    /// <param name="kinds">The suite kinds; <see cref="SuiteKinds.Default"/> when null.</param>
    public static SuiteSpec Parse(string yaml, string file = SpecFileName, SuiteKinds? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new SuiteFormatException($"{file}: not valid YAML at line {e.Start.Line}: {e.Message}", e);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new SuiteFormatException($"{file}: must hold one YAML mapping");
        }

        return Read(YamlObject.Root(root, file), kinds ?? SuiteKinds.Default);
    }

    /// <summary>The common parts; the kind reads the rest (<see cref="ISuiteKind.Read"/>).</summary>
    private static SuiteSpec Read(YamlObject root, SuiteKinds kinds)
    {
        var id = root.RequiredString("id");
        if (!SuiteNames.IsValidId(id))
        {
            throw root.Error("id", $"'{id}' must be lowercase letters, digits and '-' (at most 64), starting with a letter");
        }

        var version = root.Int("version", 1, 1, 1_000_000);
        var name = root.OptionalString("kind") ?? SuiteKind.Accuracy.Name;
        var kind = (SuiteKind.IsValidName(name) ? kinds.Find(new SuiteKind(name)) : null)
            ?? throw root.Error("kind", $"must be one of {string.Join(", ", kinds.Names)}, not '{name}'");
        var description = root.RequiredString("description");
        var dataCard = root.OptionalString("data-card");
        var execution = root.Enum(
            "execution",
            kind.DefaultExecution,
            ("auto", ExecutionRequirement.Auto),
            ("cpu", ExecutionRequirement.Cpu),
            ("gpu", ExecutionRequirement.Gpu));
        var spec = kind.Read(new SuiteHeader(id, version, kind.Kind, description, dataCard, execution), root);
        var limitsNode = root.Object("limits");
        var limits = limitsNode is null ? null : ReadLimits(limitsNode);
        root.Done();
        return spec with { Limits = limits };
    }

    /// <summary>The <c>task</c> of a classification suite (binary unless declared).</summary>
    internal static TaskKind ReadTask(YamlObject root) =>
        root.Enum("task", TaskKind.Binary, ("binary", TaskKind.Binary), ("multiclass", TaskKind.Multiclass));

    /// <summary>The <c>data</c> part: labelled rows, or generated inputs when <paramref name="generated"/>.</summary>
    internal static DataSpec ReadData(YamlObject data, bool generated, TaskKind task)
    {
        var format = data.Enum("format", DataFormat.Csv, ("csv", DataFormat.Csv), ("idx", DataFormat.Idx), ("generated", DataFormat.Generated));
        if ((format == DataFormat.Generated) != generated)
        {
            throw data.Error("format", generated
                ? "must be 'generated' for a throughput suite"
                : "'generated' is only for throughput suites: accuracy and bias need labelled data");
        }

        CsvLayout? csv = null;
        IdxLayout? idx = null;
        var csvNode = data.Object("csv");
        var idxNode = data.Object("idx");
        if (format == DataFormat.Csv)
        {
            csv = ReadCsv(csvNode ?? throw data.Error("csv", "is required for CSV data"));
        }
        else if (csvNode is not null)
        {
            throw data.Error("csv", "is only for CSV data");
        }

        if (format == DataFormat.Idx)
        {
            var node = idxNode ?? throw data.Error("idx", "is required for IDX data");
            idx = new IdxLayout(node.RequiredString("items"), node.RequiredString("labels"), node.Double("scale", 1, -1e9, 1e9));
            node.Done();
        }
        else if (idxNode is not null)
        {
            throw data.Error("idx", "is only for IDX data");
        }

        var filters = data.Objects("filter").Select(ReadFilter).ToList();
        if (format != DataFormat.Csv && filters.Count > 0)
        {
            throw data.Error("filter", "needs named columns: only CSV data can be filtered");
        }

        LabelSpec? label = null;
        var labelNode = data.Object("label");
        if (format != DataFormat.Generated)
        {
            label = ReadLabel(labelNode ?? throw data.Error("label", "is required"), format, task);
        }
        else if (labelNode is not null)
        {
            throw data.Error("label", "is not used with generated data");
        }

        var rowKey = data.OptionalString("row-key");
        if (rowKey is not null && format != DataFormat.Csv)
        {
            throw data.Error("row-key", "names a column: only CSV data have one");
        }

        data.Done();
        return new DataSpec(format, csv, idx, filters, label, rowKey);
    }

    private static CsvLayout ReadCsv(YamlObject csv)
    {
        var artifact = csv.RequiredString("artifact");
        var header = csv.Bool("header", true);
        var columns = csv.Strings("columns");
        if (!header && columns.Count == 0)
        {
            throw csv.Error("columns", "is required when the file has no header");
        }

        if (header && columns.Count > 0)
        {
            throw csv.Error("columns", "is only for a file without a header: the header names the columns");
        }

        if (columns.Distinct(StringComparer.Ordinal).Count() != columns.Count)
        {
            throw csv.Error("columns", "must not repeat a name");
        }

        var delimiter = csv.OptionalString("delimiter") ?? ",";
        if (delimiter.Length != 1 || delimiter == "\"")
        {
            throw csv.Error("delimiter", "must be one character other than '\"'");
        }

        var layout = new CsvLayout(artifact, header, columns, delimiter[0], csv.Bool("trim", false), csv.Strings("missing"));
        csv.Done();
        return layout;
    }

    private static RowFilter ReadFilter(YamlObject filter)
    {
        var column = filter.RequiredString("column");
        (string Key, FilterOperator Op)[] numeric =
        [
            ("less-than", FilterOperator.LessThan), ("at-most", FilterOperator.AtMost), ("greater-than", FilterOperator.GreaterThan),
            ("at-least", FilterOperator.AtLeast), ("abs-at-most", FilterOperator.AbsoluteAtMost),
        ];
        var found = new List<RowFilter>();
        if (filter.Has("in"))
        {
            found.Add(new RowFilter(column, FilterOperator.In, filter.Strings("in"), 0));
        }

        if (filter.Has("not-in"))
        {
            found.Add(new RowFilter(column, FilterOperator.NotIn, filter.Strings("not-in"), 0));
        }

        foreach (var (key, op) in numeric)
        {
            if (filter.Has(key))
            {
                found.Add(new RowFilter(column, op, [], filter.Double(key, 0, double.MinValue, double.MaxValue)));
            }
        }

        if (found.Count != 1)
        {
            throw filter.Error("column", $"'{column}' needs exactly one condition: in, not-in, less-than, at-most, greater-than, at-least or abs-at-most");
        }

        filter.Done();
        return found[0];
    }

    private static LabelSpec ReadLabel(YamlObject label, DataFormat format, TaskKind task)
    {
        var column = label.OptionalString("column");
        if (format == DataFormat.Csv && column is null)
        {
            throw label.Error("column", "is required for CSV data");
        }

        if (format == DataFormat.Idx && column is not null)
        {
            throw label.Error("column", "is not used with IDX data: the labels file holds the labels");
        }

        LabelSpec spec;
        if (task == TaskKind.Binary)
        {
            var positive = label.Strings("positive");
            var negative = label.Strings("negative");
            if (positive.Count == 0 || negative.Count == 0)
            {
                throw label.Error(positive.Count == 0 ? "positive" : "negative", "is required for a binary task: every label value must be declared positive or negative");
            }

            if (positive.Intersect(negative, StringComparer.Ordinal).Any())
            {
                throw label.Error("negative", "must not repeat a positive value");
            }

            spec = new LabelSpec(column, positive, negative, 2);
        }
        else
        {
            if (label.Has("positive") || label.Has("negative"))
            {
                throw label.Error("positive", "is only for a binary task");
            }

            spec = new LabelSpec(column, [], [], label.Int("classes", 0, 2, 100_000) is var k and >= 2
                ? k
                : throw label.Error("classes", "is required for a multiclass task"));
        }

        label.Done();
        return spec;
    }

    internal static List<ModelInputSpec> ReadInputs(YamlObject model, DataSpec data)
    {
        var inputs = new List<ModelInputSpec>();
        foreach (var input in model.Objects("inputs"))
        {
            var kind = input.Enum("kind", InputKind.Number, ("float", InputKind.Number), ("string", InputKind.Text), ("item", InputKind.Item));
            var name = input.OptionalString("name");
            var column = input.OptionalString("column");
            if (kind == InputKind.Item)
            {
                if (data.Format != DataFormat.Idx)
                {
                    throw input.Error("kind", "'item' reads a whole IDX item: it needs IDX data");
                }

                if (column is not null)
                {
                    throw input.Error("column", "is not used by an item input");
                }
            }
            else
            {
                if (data.Format != DataFormat.Csv)
                {
                    throw input.Error("kind", $"'{(kind == InputKind.Number ? "float" : "string")}' reads a named column: it needs CSV data");
                }

                column ??= name ?? throw input.Error("column", "is required");
                name ??= column;
            }

            var missing = input.OptionalString("missing");
            if (missing is not null && kind == InputKind.Number && !double.TryParse(missing, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                throw input.Error("missing", $"must be a number for a float input, not '{missing}'");
            }

            input.Done();
            inputs.Add(new ModelInputSpec(name ?? "", column, kind, missing));
        }

        if (inputs.Count == 0)
        {
            throw model.Error("inputs", "must map at least one model input");
        }

        if (inputs.Count(i => i.Kind == InputKind.Item) > 1 || (inputs.Any(i => i.Kind == InputKind.Item && i.Name.Length == 0) && inputs.Count > 1))
        {
            throw model.Error("inputs", "may hold one item input, and an unnamed one only alone");
        }

        var duplicate = inputs.GroupBy(i => i.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Key.Length > 0 && g.Count() > 1);
        if (duplicate is not null)
        {
            throw model.Error("inputs", $"maps the input '{duplicate.Key}' twice");
        }

        return inputs;
    }

    internal static OutputSpec ReadOutput(YamlObject output, TaskKind task)
    {
        var kind = output.Enum<OutputKind?>("kind", null, ("probabilities", OutputKind.Probabilities), ("logits", OutputKind.Logits), ("label", OutputKind.Label))
            ?? throw output.Error("kind", "is required: probabilities, logits or label");
        var threshold = output.Double("threshold", 0.5, 0, 1);
        if (task == TaskKind.Multiclass && output.Has("threshold"))
        {
            throw output.Error("threshold", "is only for a binary task: a multiclass prediction is the most probable class");
        }

        var spec = new OutputSpec(output.OptionalString("name"), kind, threshold);
        output.Done();
        return spec;
    }
}
