namespace ModelGrid.Silo.Web;

/// <summary>What a line of a diff is.</summary>
public enum DiffLineKind
{
    /// <summary>In both texts.</summary>
    Same,

    /// <summary>Only in the newer text.</summary>
    Added,

    /// <summary>Only in the older text.</summary>
    Removed,
}
