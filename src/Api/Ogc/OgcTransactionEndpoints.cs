using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using DistrictMap.Api.Access;
using DistrictMap.Api.Features;
using DistrictMap.Api.Http;
using DistrictMap.Api.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DistrictMap.Api.Ogc;

/// <summary>
/// OGC API - Features - Part 4 (create, replace, update and delete) on the actions collection. Each write goes through
/// <see cref="PlanWriter"/>, as the REST writes under /api/actions do: the same API keys and roles, validation, audit and
/// If-Match rules (428 without it, 412 when stale). The other collections are read-only: their items answer 405 with Allow.
/// </summary>
public static class OgcTransactionEndpoints
{
    public const string MergePatchMediaType = "application/merge-patch+json";

    private const string Items = "/collections/{collectionId}/items";
    private const string Item = "/collections/{collectionId}/items/{featureId}";

    public static RouteGroupBuilder MapOgcTransactionEndpoints(this RouteGroupBuilder group)
    {
        // The read of one action, beside the generic item read (and documented by it), so that it carries the action's own ETag for If-Match.
        group.MapGet("/collections/actions/items/{featureId}", Read).AllowQuery("properties", "simplify", "crs").WithOwnEntityTag()
            .Offers([ResponseFormat.GeoJson, ResponseFormat.Html]).ExcludeFromDescription();
        group.MapPost(Items, Create).WritesActions().Produces(StatusCodes.Status201Created, contentType: ResponseFormats.GeoJsonMediaType)
            .WithName("OgcCreateAction")
            .WithSummary("Create a feature (OGC API - Features - Part 4): actions only")
            .WithDescription("Creates an action from a GeoJSON Feature: its geometry is the action's location (CRS84, or the CRS the Content-Crs header names; null draws it at its wards), "
                + "its properties those of POST /api/actions under snake_case names (title, priority, wards, district_wide, lead_partner_id, ...). "
                + "A partner key creates actions its own organisation leads; an admin key any. Audited. The Location header names the new feature. "
                + "The other collections are read-only: 405.");
        group.MapPut(Item, Replace).WritesActions().Produces(StatusCodes.Status200OK, contentType: ResponseFormats.GeoJsonMediaType)
            .WithName("OgcReplaceAction")
            .WithSummary("Replace a feature (OGC API - Features - Part 4): actions only")
            .WithDescription("Replaces an action with the GeoJSON Feature sent (as for create). Needs If-Match with the action's ETag (428 without it, 412 when stale). "
                + "A partner key may change only actions its organisation leads. Audited. The other collections are read-only: 405.");
        group.MapPatch(Item, Update).WritesActions().Produces(StatusCodes.Status200OK, contentType: ResponseFormats.GeoJsonMediaType)
            .WithName("OgcUpdateAction")
            .WithSummary("Update a feature (OGC API - Features - Part 4): actions only")
            .WithDescription("Changes part of an action with a JSON Merge Patch (RFC 7396) of its feature: members given replace the action's, null removes them. "
                + "Needs If-Match with the action's ETag (428 without it, 412 when stale). A partner key may change only actions its organisation leads. Audited. "
                + "The other collections are read-only: 405.");
        group.MapDelete(Item, Delete).WritesActions().Produces(StatusCodes.Status204NoContent)
            .WithName("OgcDeleteAction")
            .WithSummary("Delete a feature (OGC API - Features - Part 4): actions only")
            .WithDescription("Deletes an action and its updates. Needs If-Match with the action's ETag. A partner key may delete only actions its organisation leads. Audited. "
                + "The other collections are read-only: 405.");
        return group;
    }

    /// <summary>
    /// A write on a collection's items: 404 for an unknown collection and 405 (with Allow) for a read-only one, whoever asks;
    /// then the REST writes' rules: their authorisation policy (401 without a key, 403 for a key that may not write), write budget, no CORS.
    /// </summary>
    private static RouteHandlerBuilder WritesActions(this RouteHandlerBuilder builder) =>
        builder.AllowQuery().RequireRateLimiting(Operations.RateLimits.Writes).WithMetadata(new Microsoft.AspNetCore.Cors.DisableCorsAttribute())
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var collectionId = http.Request.RouteValues["collectionId"] as string ?? "";
                var registry = http.RequestServices.GetRequiredService<FeatureCollectionRegistry>();
                if (registry.Find(collectionId) is null)
                {
                    return OgcEndpoints.UnknownCollection(collectionId, registry);
                }

                if (collectionId != PlanCollections.Actions.Id)
                {
                    http.Response.Headers.Allow = "GET, HEAD";
                    return TypedResults.Problem(
                        detail: $"The collection {collectionId} is read-only: {http.Request.Method} is not allowed on its items. Only the actions collection takes writes (OGC API - Features - Part 4).",
                        statusCode: StatusCodes.Status405MethodNotAllowed,
                        title: "Method not allowed");
                }

                var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
                if (!(await authorization.AuthorizeAsync(http.User, PlanEndpoints.WritePolicy)).Succeeded)
                {
                    return http.User.Identity?.IsAuthenticated == true ? Results.Forbid() : Results.Challenge();
                }

                return await next(context);
            });

    private static async Task<IResult> Read(
        string featureId,
        HttpRequest request,
        FeatureCollectionRegistry registry,
        FeatureStore store,
        ActionQueries queries,
        IOptions<FeatureOptions> options,
        CancellationToken cancellationToken)
    {
        var result = await OgcEndpoints.Item(PlanCollections.Actions.Id, featureId, request, registry, store, options, cancellationToken);
        if (int.TryParse(featureId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && ResponseFormats.Negotiate(request, [ResponseFormat.GeoJson, ResponseFormat.Html], ResponseFormat.GeoJson).Format == ResponseFormat.GeoJson
            && await ETagAsync(queries, id, cancellationToken) is { } etag)
        {
            var headers = request.HttpContext.Response.GetTypedHeaders();
            headers.ETag = new EntityTagHeaderValue(etag);
            headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
            if (request.GetTypedHeaders().IfNoneMatch.Any(t => t.Tag == etag))
            {
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            }
        }

        return result;
    }

    private static async Task<IResult> Create(HttpRequest request, ClaimsPrincipal user, PlanWriter writer, ActionFeatures features, FeatureStore store, ActionQueries queries, CancellationToken cancellationToken)
    {
        var feature = await ReadBodyAsync(request, features, cancellationToken);
        var id = await writer.CreateActionAsync(ActionFeatures.ToInput(feature, null), Actor.From(user), cancellationToken);
        var location = Links.Absolute(request, $"/ogc/collections/actions/items/{id}");
        return await WrittenAsync(request, store, queries, id, location, cancellationToken);
    }

    private static async Task<IResult> Replace(string featureId, HttpRequest request, ClaimsPrincipal user, PlanWriter writer, ActionFeatures features, FeatureStore store, ActionQueries queries, CancellationToken cancellationToken)
    {
        var id = ActionId(featureId);
        var feature = await ReadBodyAsync(request, features, cancellationToken);
        await writer.ReplaceActionAsync(id, ActionFeatures.ToInput(feature, featureId), request.Headers.IfMatch.ToString(), Actor.From(user), cancellationToken);
        return await WrittenAsync(request, store, queries, id, null, cancellationToken);
    }

    private static async Task<IResult> Update(string featureId, HttpRequest request, ClaimsPrincipal user, PlanWriter writer, ActionFeatures features, FeatureStore store, ActionQueries queries, CancellationToken cancellationToken)
    {
        var id = ActionId(featureId);
        if (request.ContentType is not { } type || !MediaTypeHeaderValue.TryParse(type, out var media) || !media.MediaType.Equals(MergePatchMediaType, StringComparison.OrdinalIgnoreCase))
        {
            throw new BadRequestException($"Send the change as a JSON Merge Patch (RFC 7396) with Content-Type: {MergePatchMediaType}.");
        }

        var patch = ActionFeatures.ReadFeature(await RequestBodies.ReadAsync(request, RequestBodies.MaxJsonBytes, cancellationToken));
        await features.TransformGeometryAsync(patch, ContentCrs(request), cancellationToken);
        var current = await PlanEndpoints.ActionAsync(queries, id, cancellationToken)
            ?? throw new ResourceNotFoundException($"There is no action {id}.");

        // With If-Match: * the patch applies to the version just read, and a change made since then is still refused (412).
        var ifMatch = request.Headers.IfMatch.ToString().Trim() == "*" ? current.ETag : request.Headers.IfMatch.ToString();
        var patched = (JsonObject)ActionFeatures.MergePatch(ActionFeatures.ToFeature(current), patch)!;
        await writer.ReplaceActionAsync(id, ActionFeatures.ToInput(patched, featureId), ifMatch, Actor.From(user), cancellationToken);
        return await WrittenAsync(request, store, queries, id, null, cancellationToken);
    }

    private static async Task<IResult> Delete(string featureId, HttpRequest request, ClaimsPrincipal user, PlanWriter writer, CancellationToken cancellationToken)
    {
        await writer.DeleteActionAsync(ActionId(featureId), request.Headers.IfMatch.ToString(), Actor.From(user), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The feature just written, as reads show it (CRS84), with the action's new ETag; 201 with Location after a create.</summary>
    private static async Task<IResult> WrittenAsync(HttpRequest request, FeatureStore store, ActionQueries queries, int id, string? location, CancellationToken cancellationToken)
    {
        var definition = PlanCollections.Actions;
        var found = await store.GetAsync(definition, id.ToString(CultureInfo.InvariantCulture), null, null, withGeometry: true, CoordinateReferenceSystem.Crs84, cancellationToken);
        var response = request.HttpContext.Response;
        if (await ETagAsync(queries, id, cancellationToken) is { } etag)
        {
            response.Headers.ETag = etag;
        }

        response.Headers["Content-Crs"] = $"<{CoordinateReferenceSystem.Crs84.Uri}>";
        var self = Links.Absolute(request, $"/ogc/collections/actions/items/{id}");
        IReadOnlyList<Link> links =
        [
            new Link(self, "self", ResponseFormats.GeoJsonMediaType, "This feature"),
            new Link(Links.Absolute(request, $"/ogc/collections/{definition.Id}"), "collection", ResponseFormats.JsonMediaType, definition.Title),
        ];
        var body = FeatureWriter.Feature(found.Properties, found.Features.Single(), links);
        if (location is null)
        {
            return body;
        }

        response.StatusCode = StatusCodes.Status201Created;
        response.Headers.Location = location;
        return body;
    }

    private static async Task<string?> ETagAsync(ActionQueries queries, int id, CancellationToken cancellationToken) =>
        (await queries.ListAsync(new ActionFilter { Id = id }, false, cancellationToken)) is [var (action, _)] ? action.ETag : null;

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request, ActionFeatures features, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType() && !(MediaTypeHeaderValue.TryParse(request.ContentType, out var media) && media.MediaType.Equals(ResponseFormats.GeoJsonMediaType, StringComparison.OrdinalIgnoreCase)))
        {
            throw new BadRequestException($"Send the feature as GeoJSON with Content-Type: {ResponseFormats.GeoJsonMediaType} (or application/json).");
        }

        var body = await RequestBodies.ReadAsync(request, RequestBodies.MaxJsonBytes, cancellationToken);
        if (body.Length == 0)
        {
            throw new BadRequestException("The body is empty: send a GeoJSON Feature.");
        }

        var feature = ActionFeatures.ReadFeature(body);
        await features.TransformGeometryAsync(feature, ContentCrs(request), cancellationToken);
        return feature;
    }

    /// <summary>The CRS of the body's geometry: the Content-Crs header (OGC API - Features - Part 4 with Part 2), CRS84 without it.</summary>
    private static CoordinateReferenceSystem ContentCrs(HttpRequest request) =>
        request.Headers["Content-Crs"].ToString() is { Length: > 0 } header
            ? CoordinateReferenceSystem.Parse("Content-Crs", header)
            : CoordinateReferenceSystem.Crs84;

    /// <summary>An action id from the path; a malformed one names no feature (404, as on reads).</summary>
    private static int ActionId(string featureId) =>
        PlanCollections.Actions.IdPattern.IsMatch(featureId) && int.TryParse(featureId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ResourceNotFoundException($"There is no feature {Text.Shorten(featureId)} in the collection actions: its ids are {PlanCollections.Actions.IdDescription}.");
}
