namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>
/// One hostile input: who sends it, how the request is built (after any arranging it needs), the answer expected,
/// where it may write (nothing, unless it is accepted), and any further check of the answer or of what was stored.
/// </summary>
public sealed record HostileCase(
    string Name,
    Identity Who,
    Func<CorpusWorld, Task<WireRequest>> Build,
    Outcome Expected,
    WriteScope? Writes = null,
    Func<CorpusWorld, WireResponse, Task>? Check = null,
    Func<CorpusWorld, WireResponse, Task>? Settle = null)
{
    public HostileCase(string name, Identity who, Func<CorpusWorld, WireRequest> build, Outcome expected, WriteScope? writes = null, Func<CorpusWorld, WireResponse, Task>? check = null)
        : this(name, who, w => Task.FromResult(build(w)), expected, writes, check)
    {
    }

    public override string ToString() => Name;

    /// <summary>Runs the case named <paramref name="name"/> of <paramref name="table"/>.</summary>
    public static async Task RunAsync(AdversarialGrid grid, IReadOnlyList<HostileCase> table, string name)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(table);
        var hostile = table.Single(c => c.Name == name);
        var world = grid.World;
        var request = (await hostile.Build(world)).Bearer(world.AuthorizationOf(hostile.Who));
        var settle = hostile.Settle is null ? null : (Func<WireResponse, Task>)(r => hostile.Settle(world, r));
        var response = await new CaseRunner(grid).RunAsync(request, hostile.Expected, hostile.Writes ?? WriteScope.Nothing, settle);
        if (hostile.Check is not null)
        {
            await hostile.Check(world, response);
        }
    }

    /// <summary>The case names of <paramref name="table"/>, as theory data; a duplicate name fails at once.</summary>
    public static TheoryData<string> Names(IReadOnlyList<HostileCase> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var duplicate = table.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is not null
            ? throw new InvalidOperationException($"two hostile cases are named '{duplicate.Key}'")
            : new TheoryData<string>(table.Select(c => c.Name));
    }
}
