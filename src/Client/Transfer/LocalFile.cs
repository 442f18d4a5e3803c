namespace ModelGrid.Client.Transfer;

/// <summary>A file of a local folder: its path in the version ('/'-separated), where it is, and its size.</summary>
public sealed record LocalFile(string Path, string FullPath, long Size);
