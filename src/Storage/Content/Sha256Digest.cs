namespace ModelGrid.Storage.Content;

/// <summary>
/// The digest rule of the store: a SHA-256 in lowercase hex. The same rule as <c>Names.IsSha256</c>, kept here so
/// the storage core needs no reference to the grain contracts.
/// </summary>
internal static class Sha256Digest
{
    /// <summary>Whether <paramref name="value"/> is 64 lowercase hex digits.</summary>
    public static bool IsValid(string? value)
    {
        if (value is not { Length: 64 })
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }
}
