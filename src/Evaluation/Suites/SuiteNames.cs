namespace ModelGrid.Evaluation.Suites;

/// <summary>Naming rules of suites.</summary>
public static class SuiteNames
{
    /// <summary>Whether <paramref name="id"/> is a valid suite id: lowercase letters, digits and '-', at most 64, starting with a letter.</summary>
    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 64 && id[0] is >= 'a' and <= 'z' && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
