using ModelGrid.Hub;

namespace ModelGrid.Silo.Demo;

/// <summary>
/// A model the demo publishes from declared artifacts (resolved as DESIGN.md §10 says), each under its own name, with
/// the card the project wrote (an embedded resource) and the metadata it is created with.
/// </summary>
/// <param name="Id">The model.</param>
/// <param name="Artifacts">The artifacts that make up its version, by name.</param>
/// <param name="CardResource">The embedded resource holding its card.</param>
/// <param name="Create">What the model is created with when it does not exist.</param>
public sealed record DemoModel(ModelId Id, IReadOnlyList<string> Artifacts, string CardResource, ModelCreate Create);
