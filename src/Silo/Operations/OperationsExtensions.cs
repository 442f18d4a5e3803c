using ModelGrid.Grains.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;
using Orleans.Diagnostics;

namespace ModelGrid.Silo.Operations;

/// <summary>
/// What operators use: OpenTelemetry metrics (ASP.NET Core, HttpClient, the .NET runtime, Orleans' meter and the grid's
/// own) served as Prometheus text on <c>/metrics</c>, OTLP export of metrics and traces when an endpoint is configured,
/// liveness and readiness, and the Orleans Dashboard for admins.
/// </summary>
public static class OperationsExtensions
{
    public const string MetricsPath = "/metrics";
    public const string DashboardPath = "/dashboard";

    /// <summary>Orleans' meter: grain calls, activations, messaging, membership.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>The name the grid's metrics and traces carry as <c>service.name</c>.</summary>
    public const string ServiceName = "modelgrid";

    /// <summary>Registers telemetry, the readiness checks, the admin policy and, when on, the Orleans Dashboard.</summary>
    /// <param name="builder">The host builder, after <c>AddGridServices</c>.</param>
    public static WebApplicationBuilder AddGridOperations(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var options = configuration.GetSection(OperationsOptions.Section).Get<OperationsOptions>() ?? new OperationsOptions();
        var services = builder.Services;
        services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthorization(AdminPolicy.Add);
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, tags: [HealthEndpoints.ReadyTag])
            .AddCheck<MembershipHealthCheck>(MembershipHealthCheck.Name, tags: [HealthEndpoints.ReadyTag]);

        var otlp = !string.IsNullOrWhiteSpace(options.OtlpEndpoint) || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(ServiceName));
        if (options.Metrics != MetricsAccess.Off || otlp)
        {
            telemetry.WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(GridMetrics.MeterName, OrleansMeter);
                if (options.Metrics != MetricsAccess.Off)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        }

        if (otlp)
        {
            // Traces only where they go somewhere: without an exporter no request pays for spans.
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource(ActivitySources.AllActivitySourceName));
            if (string.IsNullOrWhiteSpace(options.OtlpEndpoint))
            {
                telemetry.UseOtlpExporter();
            }
            else
            {
                var protocol = options.OtlpProtocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
                telemetry.UseOtlpExporter(protocol, new Uri(options.OtlpEndpoint));
            }

            // A grain call continues the trace of the request that made it, across silos.
            builder.UseOrleans(silo => silo.AddActivityPropagation());
        }

        if (options.Dashboard)
        {
            builder.UseOrleans(silo => silo.AddDashboard());
        }

        return builder;
    }

    /// <summary>Authorization (after the grid's authentication), <c>/metrics</c> and the dashboard.</summary>
    /// <param name="app">The app, after <c>UseGridPipeline</c>.</param>
    public static WebApplication UseGridOperations(this WebApplication app)
    {
        app.UseAuthorization();
        var options = app.Configuration.GetSection(OperationsOptions.Section).Get<OperationsOptions>() ?? new OperationsOptions();
        if (options.Metrics != MetricsAccess.Off)
        {
            // Operators' endpoints, not the hub's API: kept out of the OpenAPI document.
            var metrics = app.MapPrometheusScrapingEndpoint(MetricsPath).ExcludeFromDescription();
            if (options.Metrics == MetricsAccess.Admin)
            {
                metrics.RequireAuthorization(AdminPolicy.Name);
            }
        }

        if (options.Dashboard)
        {
            app.MapOrleansDashboard(DashboardPath).RequireAuthorization(AdminPolicy.Name).ExcludeFromDescription();
        }

        return app;
    }
}
