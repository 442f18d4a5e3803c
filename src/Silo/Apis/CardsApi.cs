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
        cards.MapGet("/card", GetLatestCard).WithName(nameof(GetLatestCard));
        cards.MapGet("/cards", ListCards).WithName(nameof(ListCards));
        cards.MapGet("/cards/{revision}", GetCard).WithName(nameof(GetCard));
        cards.MapPost("/cards", AddCardRevision).WithName(nameof(AddCardRevision))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(2 << 20));
        return api;
    }

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
