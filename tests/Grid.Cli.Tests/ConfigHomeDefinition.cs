namespace ModelGrid.Client.Cli.Tests;

/// <summary>Tests that change <c>XDG_CONFIG_HOME</c>; they run alone, never beside another test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConfigHomeDefinition
{
    public const string Name = "XDG_CONFIG_HOME";
}
