using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using ModelGrid.Hub;
using ModelGrid.Silo.Auth;
using ModelGrid.Silo.Hub;
using ModelGrid.Storage;

namespace ModelGrid.Silo.Apis;

/// <summary>Model card revisions of a version: the latest, one by number, the list, and new revisions by the publisher.</summary>
public static class CardsApi
{
    private const string MarkdownType = "text/markdown; charset=utf-8";

    public static RouteGroupBuilder MapCardsApi(this RouteGroupBuilder api)
    {
        var cards = api.MapGroup("/models/{owner}/{name}/versions/{reference}").WithTags("Cards");
        cards.MapGet("/card", GetLatestCard).WithName(nameof(GetLatestCard))
            .Documented("Get a version's model card", "The latest card revision (Markdown with YAML front matter in the Hugging Face model-card form); each recorded evaluation adds a revision with its results.")
            .Card();
        cards.MapGet("/cards", ListCards).WithName(nameof(ListCards))
            .Documented("List a version's card revisions", "Every revision: number, source (publisher or evaluation), author, time and SHA-256.")
            .Problems(400, 404, 503);
        cards.MapGet("/cards/{revision}", GetCard).WithName(nameof(GetCard))
            .Documented("Get one card revision", "Revision r1, r2 … (or 1, 2 …) of a version's card.")
            .Card();
        cards.MapPost("/cards", AddCardRevision).WithName(nameof(AddCardRevision))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(2 << 20))
            .Documented("Add a card revision", "The body (UTF-8 Markdown, at most 2 MiB) becomes the published version's next card revision, by the publisher. The weights and the revision id do not change.")
            .RawBody("text/markdown", "The card: Markdown with YAML front matter.", binary: false)
            .NeedsToken().Problems(400, 403, 404, 409, 413, 503);
        return api;
    }

    /// <summary>How a card is answered: Markdown with its ETag and revision, or 304.</summary>
    private static RouteHandlerBuilder Card(this RouteHandlerBuilder builder) => builder
        .Produces<string>(StatusCodes.Status200OK, "text/markdown")
        .Answers(StatusCodes.Status304NotModified, "Not Modified: If-None-Match holds the revision's ETag")
        .RequestHeader("If-None-Match", "An ETag the caller holds; 304 when it matches.")
        .ResponseHeader("ETag", "The revision's SHA-256, quoted.", StatusCodes.Status200OK, StatusCodes.Status304NotModified)
        .ResponseHeader("X-Grid-Card-Revision", "The revision's number.", StatusCodes.Status200OK, StatusCodes.Status304NotModified)
        .Problems(400, 404, 503);

    public static async Task<IResult> GetLatestCard(string owner, string name, string reference, HttpContext context, HubServices hub)
    {
        var (id, version, cards) = await LoadAsync(owner, name, reference, context, hub);
        if (cards.Count == 0)
        {
            throw HubException.NotFound("Card not found", $"{id}@{version.Number} has no model card");
        }

        return await ServeAsync(id, version.Number, cards[^1], context, hub);
    }

    public static async Task<Ok<IReadOnlyList<CardRevisionInfo>>> ListCards(string owner, string name, string reference, HttpContext context, HubServices hub)
    {
        var (_, _, cards) = await LoadAsync(owner, name, reference, context, hub);
        return TypedResults.Ok(cards);
    }

    public static async Task<IResult> GetCard(string owner, string name, string reference, string revision, HttpContext context, HubServices hub)
    {
        var (id, version, cards) = await LoadAsync(owner, name, reference, context, hub);
        var text = revision.StartsWith('r') ? revision[1..] : revision;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            throw HubException.Invalid($"'{revision}' is not a card revision; use r1, r2 … or 1, 2 …");
        }

        var card = cards.FirstOrDefault(c => c.Revision == number)
            ?? throw HubException.NotFound("Card revision not found", $"{id}@{version.Number} has no card revision r{number} (it has {cards.Count})");
        return await ServeAsync(id, version.Number, card, context, hub);
    }

    public static async Task<Created<CardRevisionInfo>> AddCardRevision(string owner, string name, string reference, HttpContext context, HubServices hub)
    {
        var caller = context.Caller();
        var (id, _) = await ModelAccess.PublishableAsync(hub.Grains, caller, owner, name);
        var number = ModelAccess.ParseNumber(reference);
        var card = await VersionsApi.ReadTextAsync(context.Request);
        var revision = await hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(number)).AddCardRevision(card, caller.DisplayName, "publisher");
        return TypedResults.Created($"/api/v1/models/{id}/versions/{number}/cards/r{revision.Revision}", revision);
    }

    private static async Task<(ModelId Id, VersionDetails Version, IReadOnlyList<CardRevisionInfo> Cards)> LoadAsync(
        string owner, string name, string reference, HttpContext context, HubServices hub)
    {
        var caller = context.Caller();
        var (id, _) = await ModelAccess.ReadableAsync(hub.Grains, caller, owner, name);
        var version = await ModelAccess.ResolveVersionAsync(hub.Grains, caller, id, reference);
        var cards = await hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(version.Number)).ListCards();
        return (id, version, cards);
    }

    private static async Task<IResult> ServeAsync(ModelId id, int version, CardRevisionInfo card, HttpContext context, HubServices hub)
    {
        var etag = $"\"{card.Sha256}\"";
        context.Response.Headers["X-Grid-Card-Revision"] = card.Revision.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.ETag = etag;
        if (RangeDecision.MatchesIfNoneMatch(context.Request, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        await using var reader = await hub.Content.Blobs.OpenReadAsync(HubLayout.Card(id, version, card.Revision), cancellationToken: context.RequestAborted)
            ?? throw new InvalidOperationException($"card r{card.Revision} of {id}@{version} is missing from storage");
        using var buffer = new MemoryStream();
        await reader.Content.CopyToAsync(buffer, context.RequestAborted);
        return TypedResults.Bytes(buffer.ToArray(), MarkdownType);
    }
}
