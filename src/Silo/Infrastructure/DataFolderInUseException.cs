namespace ModelGrid.Silo.Infrastructure;

/// <summary>Another silo holds the embedded data folder: the operator's to fix, reported in one line, never a crash.</summary>
public sealed class DataFolderInUseException(string folder, Exception inner)
    : Exception($"the data folder '{folder}' is in use by another ModelGrid silo; stop it or set Grid__Storage__Path to another folder", inner)
{
    /// <summary>The silo's exit status when it cannot start for this reason.</summary>
    public const int ExitCode = 2;
}
