namespace ModelGrid.Evaluation; internal static class Placeholder;
