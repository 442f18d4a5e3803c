namespace ModelGrid.Silo.Web;

/// <summary>A model on the home page: its catalogue entry and how many evaluation jobs its versions have.</summary>
/// <param name="Entry">The catalogue entry.</param>
/// <param name="Evaluations">Evaluation jobs over all its versions.</param>
public sealed record ModelListItem(ModelGrid.Hub.CatalogEntry Entry, int Evaluations);
