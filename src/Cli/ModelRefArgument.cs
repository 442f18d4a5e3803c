using ModelGrid.Client.Transfer;

namespace ModelGrid.Client.Cli;

/// <summary>Parses <c>owner/name</c> and <c>owner/name@ref</c> arguments.</summary>
public static class ModelRefArgument
{
    public static ModelId ParseModel(string text) =>
        ModelId.TryParse(text, out var id, out var error) ? id : throw new CliException(error);

    public static (ModelId Model, string Reference) ParseModelRef(string text, string defaultReference = "latest")
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var model = ParseModel(at < 0 ? text : text[..at]);
        var reference = at < 0 ? defaultReference : text[(at + 1)..];
        return VersionRef.TryParse(reference, out _, out var error) ? (model, reference) : throw new CliException(error);
    }

    public static (ModelId Model, int Version) ParseModelVersion(string text)
    {
        var (model, reference) = ParseModelRef(text, string.Empty);
        return VersionRef.TryParse(reference, out var parsed, out _) && parsed.Kind == VersionRefKind.Number
            ? (model, parsed.Number)
            : throw new CliException($"'{text}' does not name a version number; use owner/name@N");
    }
}
