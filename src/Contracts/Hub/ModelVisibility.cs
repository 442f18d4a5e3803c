namespace ModelGrid.Hub;

/// <summary>Who may see a model.</summary>
public enum ModelVisibility
{
    /// <summary>Anyone, anonymous callers included.</summary>
    Public,

    /// <summary>Only its owner's tokens and admins; to everyone else it does not exist (404).</summary>
    Private,
}
