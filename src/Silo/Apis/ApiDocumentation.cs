using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ModelGrid.Api;
using Scalar.AspNetCore;

namespace ModelGrid.Silo.Apis;

/// <summary>
/// The API describes itself: the OpenAPI document at <c>/openapi/v1.json</c> (with the bearer scheme, the problems
/// every operation can answer and which operations need a token) and an interactive reference at <c>/docs</c>,
/// served whole from the silo so it works without internet access.
/// </summary>
public static class ApiDocumentation
{
    public const string ReferencePath = "/docs";
    public const string DocumentPath = "/openapi/v1.json";
    public const string BearerScheme = "bearer";
    private const string TokenRequiredKey = "x-grid-token-required";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddOperationTransformer(DescribeOperation);
            options.AddSchemaTransformer(DescribeVersionReference);
            options.AddDocumentTransformer(DescribeDocument);
        });

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi();

        // Everything the page loads comes from the silo: the script bundle is served from the package, the default
        // fonts (a CDN), telemetry and the AI and MCP integrations are off.
        app.MapScalarApiReference(ReferencePath, reference => reference
            .WithTitle("ModelGrid API reference")
            .WithOpenApiRoutePattern(DocumentPath)
            .AddPreferredSecuritySchemes(BearerScheme)
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideClientButton());
        return app;
    }

    /// <summary>What the route parameters are, by name, as every route uses them.</summary>
    private static readonly Dictionary<string, string> RouteParameters = new(StringComparer.Ordinal)
    {
        ["owner"] = "The owner namespace, e.g. alice.",
        ["name"] = "The model's name within its owner, e.g. mnist.",
        ["reference"] = "A version: its number, an alias (latest, main, or a user alias) or a revision id (40 or 64 hex). Calls that change a draft take its number.",
        ["path"] = "A file's path within the version, e.g. weights/model.onnx.",
        ["alias"] = "A user alias: starts with a letter, never 40 or 64 hex digits.",
        ["revision"] = "A card revision: r1, r2 … or 1, 2 ….",
    };

    /// <summary>
    /// Route parameters are described; every operation answers 401 to a token that does not authenticate, and the
    /// ones that refuse callers without a token are marked for <see cref="DescribeDocument"/>.
    /// </summary>
    private static async Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.In == ParameterLocation.Path && parameter.Description is null && parameter.Name is { } name && RouteParameters.TryGetValue(name, out var description))
            {
                parameter.Description = description;
            }
        }

        var required = context.Description.ActionDescriptor.EndpointMetadata.OfType<TokenRequired>().Any();
        if (required)
        {
            operation.Metadata ??= new Dictionary<string, object>();
            operation.Metadata[TokenRequiredKey] = true;
        }

        operation.Responses ??= [];
        if (!operation.Responses.ContainsKey("401"))
        {
            var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken);
            operation.Responses["401"] = new OpenApiResponse
            {
                Description = required ? "Unauthorized: no token, or one that does not authenticate" : "Unauthorized: the token sent does not authenticate",
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
            };
        }
    }

    /// <summary>A member read by <see cref="VersionReferenceJsonConverter"/> takes a string or a whole number.</summary>
    private static Task DescribeVersionReference(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo?.CustomConverter is VersionReferenceJsonConverter)
        {
            schema.Type = JsonSchemaType.String | JsonSchemaType.Integer | JsonSchemaType.Null;
        }

        return Task.CompletedTask;
    }

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "ModelGrid hub API",
            Version = "v1",
            Description = "Model repositories with immutable, content-addressed versions (SHA-256 per file), aliases and model cards; "
                + "downloads with Range and ETag; resumable uploads; evaluation jobs run by worker silos, with results on new card revisions. "
                + "Errors are ProblemDetails (application/problem+json) with a title and a one-line detail. "
                + "Send 'Authorization: Bearer <token>'; anonymous callers may read public models.",
        };
        document.AddComponent<IOpenApiSecurityScheme>(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A hub token (mgt_…), made with POST /api/v1/tokens or 'grid login'; scopes read, publish, evaluate, admin.",
        });

        foreach (var operation in (document.Paths ?? []).Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            var required = operation.Metadata?.ContainsKey(TokenRequiredKey) == true;
            var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] };

            // An empty requirement next to the bearer one: the operation also serves anonymous callers.
            operation.Security = required ? [bearer] : [bearer, new OpenApiSecurityRequirement()];
        }

        return Task.CompletedTask;
    }
}
