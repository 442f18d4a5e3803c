using System.Diagnostics.CodeAnalysis;

namespace ModelGrid;

/// <summary>The identity of a model repository: <c>owner/name</c>, both parts lowercase.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(ModelIdJsonConverter))]
public readonly record struct ModelId
{
    /// <summary>Creates an id; both parts must satisfy <see cref="Names.IsValidNamePart"/>.</summary>
    public ModelId(string owner, string name)
    {
        if (!Names.IsValidNamePart(owner))
        {
            throw new ArgumentException($"'{owner}' is not a valid owner name", nameof(owner));
        }

        if (!Names.IsValidNamePart(name))
        {
            throw new ArgumentException($"'{name}' is not a valid model name", nameof(name));
        }

        Owner = owner;
        Name = name;
    }

    /// <summary>The owner namespace.</summary>
    public string Owner { get; }

    /// <summary>The model's name inside its owner's namespace.</summary>
    public string Name { get; }

    /// <summary>Parses <c>owner/name</c>.</summary>
    /// <param name="value">The text to parse.</param>
    /// <param name="id">The parsed id.</param>
    /// <param name="error">Why the text is not a model id.</param>
    public static bool TryParse(string? value, out ModelId id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        if (string.IsNullOrEmpty(value))
        {
            error = "the model id is empty; expected owner/name";
            return false;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || slash != value.LastIndexOf('/'))
        {
            error = $"'{value}' is not of the form owner/name";
            return false;
        }

        return TryCreate(value[..slash], value[(slash + 1)..], out id, out error);
    }

    /// <summary>Validates both parts and creates the id.</summary>
    /// <param name="owner">The owner namespace.</param>
    /// <param name="name">The model name.</param>
    /// <param name="id">The created id.</param>
    /// <param name="error">Why the parts are not valid.</param>
    public static bool TryCreate(string owner, string name, out ModelId id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        if (!Names.IsValidNamePart(owner))
        {
            error = $"'{owner}' is not a valid owner: use 1–64 characters of a-z, 0-9, '-', '_', '.', starting with a letter or digit, without '..'";
            return false;
        }

        if (!Names.IsValidNamePart(name))
        {
            error = $"'{name}' is not a valid model name: use 1–64 characters of a-z, 0-9, '-', '_', '.', starting with a letter or digit, without '..'";
            return false;
        }

        id = new ModelId(owner, name);
        error = null;
        return true;
    }

    /// <summary>Parses <c>owner/name</c> or throws <see cref="FormatException"/>.</summary>
    /// <param name="value">The text to parse.</param>
    public static ModelId Parse(string value) =>
        TryParse(value, out var id, out var error) ? id : throw new FormatException(error);

    /// <summary>The grain key of the version <paramref name="version"/> of this model: <c>owner/name@N</c>.</summary>
    /// <param name="version">The version number.</param>
    public string VersionKey(int version) => $"{Owner}/{Name}@{version}";

    /// <inheritdoc />
    public override string ToString() => $"{Owner}/{Name}";
}
