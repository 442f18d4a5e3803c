using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using ModelGrid.Grains.Evaluations;
using ModelGrid.Serialization;
using ModelGrid.Silo.Apis;
using ModelGrid.Silo.Auth;
using ModelGrid.Silo.Demo;
using ModelGrid.Silo.Evaluation;
using ModelGrid.Silo.Hub;
using ModelGrid.Silo.Operations;
using ModelGrid.Silo.Web;
using ModelGrid.Silo.Worker;
using ModelGrid.Storage;
using ModelGrid.Storage.Artifacts;
using Orleans.Serialization;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>The host's composition: options, the Orleans silo, storage, auth, the API and background services.</summary>
public static class Extensions
{
    /// <summary>Registers everything the silo runs; takes the embedded data folder's lock.</summary>
    /// <param name="builder">The host builder.</param>
    /// <exception cref="DataFolderInUseException">Another silo holds the data folder.</exception>
    public static WebApplicationBuilder AddGridServices(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var storage = Bind<StorageOptions>(configuration, StorageOptions.Section);
        var cluster = Bind<GridClusterOptions>(configuration, GridClusterOptions.Section);
        var jobs = Bind<JobOptions>(configuration, JobOptions.Section);
        var roles = GridRolesParser.Parse(configuration[GridRolesParser.Key]);
        builder.UseDefaultListenAddress();
        builder.Logging.AddConsoleFormatter<GridConsoleFormatter, GridConsoleFormatterOptions>();

        AddOptions<StorageOptions>(services, StorageOptions.Section);
        AddOptions<GridClusterOptions>(services, GridClusterOptions.Section);
        AddOptions<UploadOptions>(services, UploadOptions.Section);
        AddOptions<AuthOptions>(services, AuthOptions.Section);
        AddOptions<ArtifactOptions>(services, ArtifactOptions.Section);
        AddOptions<DemoOptions>(services, DemoOptions.Section);
        AddOptions<JobOptions>(services, JobOptions.Section);
        AddOptions<WorkerOptions>(services, WorkerOptions.Section);
        AddOptions<WorkerBackoffOptions>(services, WorkerBackoffOptions.Section);
        AddOptions<EvaluationOptions>(services, EvaluationOptions.Section);
        services.AddSingleton(new GridRoleSet(roles));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RunConsole>();

        if (storage.Provider == StorageNames.FileSystemProvider)
        {
            // One process owns an embedded data folder. The lock is taken here, before the host is built, so a second
            // silo stops with one line (Program) instead of a host start-up failure; the container releases it.
            var folderLock = DataFolderLock.Acquire(storage.FullPath);
            services.AddSingleton(_ => folderLock);
            services.AddHostedService<DataFolderLockHolder>();
        }

        // Kestrel's own refusals (unreadable requests, limits) get problem+json bodies like every other answer.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.UseRejectionProblems(kestrel.Limits)));

        builder.UseOrleans(silo =>
        {
            silo.ConfigureGridCluster(cluster, storage, jobs);
            silo.AddIncomingGrainCallFilter<StorageFailureDeactivation>();
            silo.AddGridStorage(storage);
            silo.Services.AddSerializer(serializer => serializer.AddGridSerialization());
        });

        services.AddSingleton(ArtifactManifest.Default);
        services.AddHttpClient<ArtifactResolver>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<AdminToken>();
        services.AddHostedService<AdminTokenBootstrap>();
        services.AddHostedService<StartBanner>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<TokenValidator>();
        services.AddSingleton<ContentReuse>();
        services.AddSingleton<HubServices>();
        services.AddSingleton<Openness.OpennessLicenses>();
        services.AddSingleton<Openness.OpennessService>();
        services.AddSingleton<UploadSessions>();
        services.AddSingleton<StartupGate>();
        services.AddHostedService<StagingSweeper>();
        services.AddHostedService<StateCheckAtStart>();
        services.AddHostedService<DemoPublisher>();
        services.AddSingleton<DemoVersions>();
        services.AddSingleton<DemoModelPublisher>();
        services.AddSingleton<SamplePublisher>();
        services.AddSingleton<EvaluationDemo>();
        services.AddSingleton<OpennessDemo>();
        services.AddSingleton<EvaluationSubmitter>();
        services.AddSingleton(sp =>
        {
            var worker = sp.GetRequiredService<IOptions<WorkerOptions>>().Value;
            return new WeightCache(
                sp.GetRequiredService<Storage.Content.ContentAddressedStore>(),
                worker.CachePath ?? Path.Combine(storage.FullPath, "cache", "weights"),
                worker.CacheBytes,
                sp.GetRequiredService<ILogger<WeightCache>>());
        });
        services.AddSingleton(sp => PathRedactor.ForWorker(sp.GetRequiredService<WeightCache>().Folder, storage.FullPath));
        services.AddSingleton<HubArtifactFiles>();
        // Read here, at start-up: every kind the engine registers then has its presentation in
        // SuiteKindPresentations.Default before a grain renders a card.
        services.AddSingleton(ModelGrid.Evaluation.Kinds.SuiteKinds.Default);
        services.AddSingleton<SuiteCatalog>();
        services.AddSingleton<EvaluationQueries>();
        services.AddSingleton<LeaderboardQueries>();
        services.AddSingleton<VersionBom>();
        services.AddSingleton<SubmissionLimiter>();
        services.AddSingleton<WorkerAvailability>();
        services.AddSingleton<ConfiguredWorkerCapabilities>();
        services.AddSingleton<IWorkerCapabilitiesProvider>(sp => sp.GetRequiredService<ConfiguredWorkerCapabilities>());
        if (roles.HasFlag(GridRoles.Worker))
        {
            services.AddSingleton<WorkerBackoff>();
            services.AddSingleton<IJobExecutor, OnnxJobExecutor>();
            services.AddHostedService<EvaluationWorker>();
            services.AddHostedService<WorkerRegistration>();
        }

        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemDetailText.Complete);
        services.AddExceptionHandler<HubExceptionHandler>();
        services.AddApiDocumentation();
        services.AddGridWeb();
        services.AddHealthChecks().AddCheck<StartupHealthCheck>("startup");
        services.ConfigureHttpJsonOptions(json => RequestJson.Configure(json.SerializerOptions));

        // A request body that cannot be bound reaches RequestBodyProblems as an exception, to be answered with what is wrong.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        return builder;
    }

    /// <summary>Errors as ProblemDetails, authentication, the rejection of wrong tokens, and no content sniffing.</summary>
    /// <param name="app">The app.</param>
    public static WebApplication UseGridPipeline(this WebApplication app)
    {
        app.UseRejectionProblems();

        // Every answer is exactly the type it says: a card holding HTML or a script is Markdown to a browser too. Set
        // when the response starts, so answers the exception handler rewrites carry it as well.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(
                static state =>
                {
                    ((HttpResponse)state).Headers.XContentTypeOptions = "nosniff";
                    return Task.CompletedTask;
                },
                context.Response);
            return next(context);
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseMiddleware<RejectInvalidTokenMiddleware>();
        app.UseMiddleware<RequestBodyProblems>();
        app.UseGridWeb();
        return app;
    }

    /// <summary>Maps the health endpoint and, on silos with the api role, the REST API, its OpenAPI document and reference, and the browser pages.</summary>
    /// <param name="app">The app.</param>
    public static WebApplication MapGridEndpoints(this WebApplication app)
    {
        app.MapGridHealth();
        if (app.Services.GetRequiredService<GridRoleSet>().Roles.HasFlag(GridRoles.Api))
        {
            app.MapApiDocumentation();
            app.MapGridWeb();
            // A read, or a write that is safe to repeat, fails only after a dead silo's grains had time to move.
            var api = app.MapGroup("/api/v1");
            api.AddEndpointFilter<SiloFailureRetryFilter>();
            api.MapModelsApi();
            api.MapVersionsApi();
            api.MapFilesApi();
            api.MapUploadsApi();
            api.MapCardsApi();
            api.MapBomApi();
            api.MapOpennessApi();
            api.MapAliasesApi();
            api.MapTokensApi();
            api.MapArtifactsApi();
            api.MapEvaluationsApi();
            api.MapSuitesApi();
            api.MapCompareApi();
            api.MapAdminApi();
        }

        return app;
    }

    private static T Bind<T>(ConfigurationManager configuration, string section)
        where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var context = new System.ComponentModel.DataAnnotations.ValidationContext(options);
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, context, results, validateAllProperties: true))
        {
            throw new OptionsValidationException(section, typeof(T), [.. results.Select(r => r.ErrorMessage ?? section)]);
        }

        return options;
    }

    private static void AddOptions<T>(IServiceCollection services, string section)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
