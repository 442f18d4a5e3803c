namespace ModelGrid.Storage.Artifacts;

/// <summary>An artifact could be had from none of the store, the mirrors and its source; the message says how to provide it.</summary>
public sealed class ArtifactUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
