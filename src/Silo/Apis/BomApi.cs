using ModelGrid.Bom;
using ModelGrid.Silo.Auth;
using ModelGrid.Silo.Hub;

namespace ModelGrid.Silo.Apis;

/// <summary>The AI bill of materials of a version: CycloneDX 1.6 JSON.</summary>
public static class BomApi
{
    public static RouteGroupBuilder MapBomApi(this RouteGroupBuilder api)
    {
        api.MapGet("/models/{owner}/{name}/versions/{reference}/bom", GetBom).WithTags("Versions").WithName(nameof(GetBom))
            .Documented(
                "Get a version's AI bill of materials",
                "CycloneDX 1.6 JSON: the model as a machine-learning-model component with every file's SHA-256, its licences and model card (the recorded results as performance metrics with intervals, fairness assessments, the card's considerations), each suite's data with its data card and pinned, hashed sources, and each result's environment. The same version gives the same bytes until a result or a card revision is added.")
            .Produces(StatusCodes.Status200OK, contentType: CycloneDxBom.MediaType)
            .Problems(400, 404, 409, 503);
        return api;
    }

    public static async Task<IResult> GetBom(string owner, string name, string reference, HttpContext context, VersionBom bom) =>
        TypedResults.Bytes(await bom.BuildAsync(context.Caller(), owner, name, reference, context.RequestAborted), CycloneDxBom.MediaType);
}
