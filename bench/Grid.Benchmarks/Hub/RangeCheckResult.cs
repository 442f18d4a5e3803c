namespace ModelGrid.Benchmarks.Hub;

/// <summary>One server's answer to one Range request, against the bytes of the file itself.</summary>
public sealed record RangeCheckResult(string Case, string Range, string ExpectedContentRange, string Server, int Status, string ContentRange, bool BytesMatch)
{
    public bool Passed => Status == 206 && ContentRange == ExpectedContentRange && BytesMatch;
}
