namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>
/// Where in the data folder a case may write: nothing at all (every refused request), or only under some prefixes
/// (a successful mutation, a job the worker runs). A change anywhere else fails the case with the listing's diff.
/// </summary>
public sealed record WriteScope(IReadOnlyList<string> Prefixes)
{
    public static readonly WriteScope Nothing = new([]);

    /// <summary>Grain state records only: most mutations of the API.</summary>
    public static readonly WriteScope State = new(["state/"]);

    /// <summary>What an evaluation job writes while it runs: its records, the weight cache and its result.</summary>
    public static readonly WriteScope Job = new(["state/", "cache/", "results/", "cards/"]);

    public static WriteScope Under(params string[] prefixes) => new(prefixes);

    public bool Allows(string path) => Prefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal));

    /// <summary>Fails when a change of <paramref name="diff"/> lies outside the scope.</summary>
    public void Check(string what, IReadOnlyList<string> diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var stray = diff.Where(change => !Allows(change[2..])).ToList();
        Assert.True(
            stray.Count == 0,
            $"{what} changed the data folder where it {(Prefixes.Count == 0 ? "must write nothing" : $"may write only under {string.Join(", ", Prefixes)}")}:\n  {string.Join("\n  ", stray)}");
    }

    public override string ToString() => Prefixes.Count == 0 ? "nothing" : string.Join(", ", Prefixes);
}
