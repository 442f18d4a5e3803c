namespace ModelGrid.Silo.Web;

/// <summary>How the home page orders models.</summary>
public enum ModelListSort
{
    /// <summary>Most recently updated first.</summary>
    Recent,

    /// <summary>Most evaluation jobs first.</summary>
    Evaluated,
}
