using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace ModelGrid.Silo.Apis;

/// <summary>
/// What each operation of the API declares in the OpenAPI document beyond what its handler's signature says: a
/// summary and description, the problems it can answer, the headers it reads and writes, and whether it needs a token.
/// </summary>
public static class OpenApiConventions
{
    /// <summary>A one-line summary and a description of the operation.</summary>
    public static RouteHandlerBuilder Documented(this RouteHandlerBuilder builder, string summary, string description) =>
        builder.WithSummary(summary).WithDescription(description);

    /// <summary>The ProblemDetails answers (<c>application/problem+json</c>) the operation can give.</summary>
    public static RouteHandlerBuilder Problems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }

    /// <summary>The operation refuses callers without a token (<c>Authorization: Bearer …</c>).</summary>
    public static RouteHandlerBuilder NeedsToken(this RouteHandlerBuilder builder) => builder.WithMetadata(TokenRequired.Instance);

    /// <summary>A request header the operation reads.</summary>
    public static RouteHandlerBuilder RequestHeader(this RouteHandlerBuilder builder, string name, string description, bool required = false) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Header,
                Required = required,
                Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            return Task.CompletedTask;
        });

    /// <summary>A response header the operation writes with the given statuses.</summary>
    public static RouteHandlerBuilder ResponseHeader(this RouteHandlerBuilder builder, string name, string description, params int[] statuses) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Responses ??= [];
            foreach (var status in statuses)
            {
                var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!operation.Responses.TryGetValue(key, out var found) || found is not OpenApiResponse response)
                {
                    response = new OpenApiResponse { Description = ReasonPhrases.GetReasonPhrase(status) };
                    operation.Responses[key] = response;
                }

                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }

            return Task.CompletedTask;
        });

    /// <summary>A response without a body, such as 204, 206 of a HEAD or 304.</summary>
    public static RouteHandlerBuilder Answers(this RouteHandlerBuilder builder, int status, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Responses ??= [];
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse { Description = description };
            return Task.CompletedTask;
        });

    /// <summary>
    /// A request body the handler reads itself (raw bytes or text), described for the document only: Accepts would also
    /// make routing refuse other content types, and these endpoints take a body whatever its Content-Type says.
    /// </summary>
    public static RouteHandlerBuilder RawBody(this RouteHandlerBuilder builder, string contentType, string description, bool binary = true) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [contentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = binary ? "binary" : null } },
                },
            };
            return Task.CompletedTask;
        });

    /// <summary>An example of the request body, shown with the operation.</summary>
    public static RouteHandlerBuilder RequestExample(this RouteHandlerBuilder builder, string json) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true && media is OpenApiMediaType type)
            {
                type.Example = JsonNode.Parse(json);
            }

            return Task.CompletedTask;
        });
}
