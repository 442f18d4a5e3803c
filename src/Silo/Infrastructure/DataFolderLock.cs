namespace ModelGrid.Silo.Infrastructure;

/// <summary>An exclusive lock on the embedded data folder, held for the life of the process.</summary>
public sealed class DataFolderLock : IDisposable
{
    private readonly FileStream _lock;

    private DataFolderLock(FileStream stream) => _lock = stream;

    public static DataFolderLock Acquire(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, ".lock");
        try
        {
            return new DataFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new DataFolderInUseException(folder, e);
        }
    }

    public void Dispose() => _lock.Dispose();
}
