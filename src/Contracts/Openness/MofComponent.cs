namespace ModelGrid.Openness;

/// <summary>One of the framework's 17 components.</summary>
/// <param name="Id">MOT's internal number (never written in files; kept so results can be compared with MOT's).</param>
/// <param name="Name">The exact name MOT files use (case- and space-sensitive).</param>
/// <param name="Type">What it is made of.</param>
/// <param name="Class">The class that first asks for it (3, 2 or 1).</param>
/// <param name="Required">False for the three optional components, which never affect class or progress.</param>
/// <param name="Weight">MOT's export order (ascending).</param>
/// <param name="Description">One line saying what it is.</param>
public sealed record MofComponent(int Id, string Name, MofContentType Type, int Class, bool Required, int Weight, string Description);
