using System.Globalization;
using System.Text;

namespace ModelGrid.Openness;

public static partial class MotYaml
{
    /// <summary>The framework version and date every MOT file declares.</summary>
    private const string FrameworkVersion = "1.0";

    private const string FrameworkDate = "2024-12-15";

    /// <summary>
    /// Writes a record as a MOT model file: the framework block, then the release with only the keys MOT's importer
    /// accepts, the included components in MOT's order, each with its description, and a component's own licence
    /// (<c>unlicensed</c> for none) only when it has one. The files a component is made of are the hub's and stay out.
    /// </summary>
    public static string Write(OpennessRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        record = record.Normalized();
        var w = new StringBuilder();
        w.Append("framework:\n");
        Line(w, 1, "name", FrameworkName);
        Line(w, 1, "version", FrameworkVersion);
        Line(w, 1, "date", FrameworkDate);
        w.Append("release:\n");
        Line(w, 1, "name", record.Name);
        Line(w, 1, "version", record.Version);
        Line(w, 1, "date", record.Date);
        Line(w, 1, "type", record.Type);
        Line(w, 1, "architecture", record.Architecture);
        Line(w, 1, "treatment", record.Treatment);
        Line(w, 1, "origin", record.Origin);
        Line(w, 1, "producer", record.Producer);
        Line(w, 1, "contact", record.Contact);
        Line(w, 1, "repository", record.Repository);
        Line(w, 1, "huggingface", record.HuggingFace);
        var licenses = new (string Kind, ReleaseLicense? License)[]
        {
            ("distribution", record.Licenses.Distribution), ("code", record.Licenses.Code), ("data", record.Licenses.Data), ("document", record.Licenses.Document),
        }.Where(l => l.License is not null).ToList();
        if (licenses.Count == 0)
        {
            w.Append("  license: {}\n");
        }
        else
        {
            w.Append("  license:\n");
            foreach (var (kind, license) in licenses)
            {
                w.Append(CultureInfo.InvariantCulture, $"    {kind}:\n");
                Line(w, 3, "name", license!.Name, writeNull: true);
                Line(w, 3, "path", license.Path, writeNull: true);
            }
        }

        if (record.Components.Count == 0)
        {
            w.Append("  components: []\n");
            return w.ToString();
        }

        w.Append("  components:\n");
        foreach (var component in record.Components)
        {
            w.Append("    -\n");
            Line(w, 3, "name", component.Name);
            Line(w, 3, "description", MofComponents.Get(component.Name).Description);
            Line(w, 3, "license", component.License);
            Line(w, 3, "license_path", component.LicensePath);
            Line(w, 3, "component_path", component.ComponentPath);
        }

        return w.ToString();
    }

    private static void Line(StringBuilder w, int level, string key, string? value, bool writeNull = false)
    {
        if (value is null && !writeNull)
        {
            return;
        }

        w.Append(' ', level * 2).Append(key).Append(':');
        if (value is not null)
        {
            w.Append(' ').Append(Quote(value));
        }

        w.Append('\n');
    }

    /// <summary>A YAML scalar that reads back as exactly this string: single-quoted, or double-quoted with escapes when it holds control characters.</summary>
    private static string Quote(string value)
    {
        if (!value.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\u0085'))
        {
            return $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
        }

        var q = new StringBuilder("\"");
        foreach (var c in value)
        {
            q.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\u0085' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return q.Append('"').ToString();
    }
}
