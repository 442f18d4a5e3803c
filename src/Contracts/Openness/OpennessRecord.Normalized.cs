namespace ModelGrid.Openness;

public sealed partial record OpennessRecord
{
    /// <summary>
    /// The record as the hub keeps it: every component name checked (an unknown one is refused with a message naming
    /// the valid ones), a repeated component merged (the last entry wins, as in MOT), the components in the framework's
    /// order, and an empty component licence written as <see cref="Unlicensed"/>.
    /// </summary>
    /// <exception cref="OpennessFormatException">The record names an unknown component or has no name.</exception>
    public OpennessRecord Normalized()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new OpennessFormatException("the release needs a name");
        }

        var byName = new Dictionary<string, ComponentRelease>(StringComparer.Ordinal);
        foreach (var component in Components ?? [])
        {
            if (component is null)
            {
                throw new OpennessFormatException("a component entry is empty");
            }

            var known = MofComponents.Get(component.Name ?? string.Empty);
            byName[known.Name] = component with
            {
                License = component.License == string.Empty ? Unlicensed : component.License,
                Files = component.Files is { Count: > 0 } files ? [.. files] : null,
            };
        }

        var ordered = MofComponents.All.Where(c => byName.ContainsKey(c.Name)).Select(c => byName[c.Name]).ToList();
        return this with { Licenses = Licenses ?? ReleaseLicenses.None, Components = ordered };
    }
}
