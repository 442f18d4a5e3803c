namespace ModelGrid.Silo.Operations;

/// <summary>Who may read <c>/metrics</c>.</summary>
public enum MetricsAccess
{
    /// <summary>Tokens with the admin scope.</summary>
    Admin,

    /// <summary>Anyone who reaches the API port.</summary>
    Open,

    /// <summary>Nobody: the endpoint is not mapped (OTLP export, when configured, still runs).</summary>
    Off,
}
