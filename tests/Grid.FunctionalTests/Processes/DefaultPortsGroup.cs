namespace ModelGrid.FunctionalTests.Processes;

/// <summary>Tests that start silos on the fixed default ports (<see cref="DefaultPorts"/>) run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DefaultPortsGroup
{
    public const string Name = "default ports";
}
