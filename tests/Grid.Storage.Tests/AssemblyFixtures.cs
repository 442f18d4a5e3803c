using ModelGrid.Testing;

[assembly: AssemblyFixture(typeof(AzuriteFixture))]
