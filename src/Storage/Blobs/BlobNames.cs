namespace ModelGrid.Storage.Blobs;

/// <summary>Checks blob names: '/'-separated segments, none empty, '.' or '..', no control characters.</summary>
public static class BlobNames
{
    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="name"/> is not a valid blob name.</summary>
    /// <param name="name">The name.</param>
    public static void Validate(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Length > 1024)
        {
            throw new ArgumentException("blob names are at most 1024 characters", nameof(name));
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or ".." || segment.Any(char.IsControl) || segment.Contains('\\', StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{name}' is not a valid blob name", nameof(name));
            }
        }
    }
}
