using ModelGrid.Testing;

[assembly: AssemblyFixture(typeof(AzuriteFixture))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
