using ModelGrid.BrowserTests;

[assembly: AssemblyFixture(typeof(BrowserFixture))]
[assembly: AssemblyFixture(typeof(HubFixture))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
