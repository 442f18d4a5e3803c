namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>Every route the silo maps × every identity: the status and problem its rules give, and a refusal writes nothing.</summary>
[Collection(AdversarialCorpus.Name)]
public sealed class AuthorizationCorpusTests(AdversarialGrid grid)
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var route in RouteTable.Live)
        {
            foreach (var identity in Identities.All)
            {
                cases.Add(route.Key, identity.Name);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_CalledByIdentity_AnswersAsItsRulesSay(string route, string identity)
    {
        Assert.True(RouteCases.All.TryGetValue(route, out var spec), $"the silo maps {route}, which has no adversarial case: say in RouteCases how to call it and who may");
        var who = Identities.Named(identity);
        var expected = spec.Expect(who);
        var succeeds = spec.Succeeds(who);
        var call = await spec.Arrange(grid.World, succeeds);
        await new CaseRunner(grid).RunAsync(
            call.Request.Bearer(grid.World.AuthorizationOf(who)),
            expected,
            succeeds ? call.Writes : WriteScope.Nothing,
            succeeds ? call.Settle : null);
    }

    [Fact]
    public void RouteCases_EveryEntry_IsARouteTheSiloMaps()
    {
        var mapped = RouteTable.Live.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(RouteCases.All.Keys.Where(k => !mapped.Contains(k)).Order(StringComparer.Ordinal));
    }
}
