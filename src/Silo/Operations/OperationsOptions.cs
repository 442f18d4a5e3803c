using System.ComponentModel.DataAnnotations;

namespace ModelGrid.Silo.Operations;

/// <summary>Configuration section <c>Grid:Operations</c>: metrics, traces, health and the Orleans Dashboard.</summary>
public sealed class OperationsOptions
{
    public const string Section = "Grid:Operations";

    /// <summary>
    /// Who may read <c>/metrics</c> (Prometheus text): <c>admin</c> (the default; a bearer token with the admin scope, as
    /// Prometheus sends with <c>authorization.credentials_file</c>), <c>open</c> (anyone who reaches the API port) or
    /// <c>off</c>. The labels name no model or owner, but the counters move when anyone's job runs or upload lands, so
    /// the default keeps that activity from other users of the API port.
    /// </summary>
    public MetricsAccess Metrics { get; set; } = MetricsAccess.Admin;

    /// <summary>Where the OTLP exporter sends metrics and traces; unset (and no <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) means no export.</summary>
    [Url]
    public string? OtlpEndpoint { get; set; }

    /// <summary>The OTLP protocol for <see cref="OtlpEndpoint"/>: <c>grpc</c> or <c>http/protobuf</c>.</summary>
    [RegularExpression("^(grpc|http/protobuf)$", ErrorMessage = "Grid:Operations:OtlpProtocol must be 'grpc' or 'http/protobuf'")]
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>
    /// Whether the Orleans Dashboard is served (to admins, under <c>/dashboard</c>). Off by default: its profiler times
    /// every grain call and its collectors run every second on every silo, a cost an operator chooses.
    /// </summary>
    public bool Dashboard { get; set; }

    /// <summary>How long the readiness check waits for the blob store before it counts as unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan StorageProbeTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
