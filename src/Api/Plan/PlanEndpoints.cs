using System.Security.Claims;
using System.Text.Json;
using DistrictMap.Api.Deprivation;
using DistrictMap.Api.Features;
using DistrictMap.Api.Http;
using DistrictMap.Api.Access;
using DistrictMap.Api.Wards;
using Microsoft.Net.Http.Headers;

namespace DistrictMap.Api.Plan;

/// <summary>The plan under /api: priorities, partners, actions (read and write), focus wards, gaps and monitoring.</summary>
public static class PlanEndpoints
{
    public const string WritePolicy = "plan-write";

    /// <summary>A write: it needs a key allowed to write, draws on the client's write budget, and is not open to other origins.</summary>
    internal static RouteHandlerBuilder RequireWriteAccess(this RouteHandlerBuilder builder) =>
        builder.RequireAuthorization(WritePolicy).RequireRateLimiting(Operations.RateLimits.Writes).WithMetadata(new Microsoft.AspNetCore.Cors.DisableCorsAttribute());

    private static readonly ResponseFormat[] ListFormats = [ResponseFormat.Json, ResponseFormat.GeoJson, ResponseFormat.Csv];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new PlainTextConverter() } };

    public static RouteGroupBuilder MapPlanEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/priorities", async (PlanReads plan, CancellationToken ct) => TypedResults.Json(new { priorities = await plan.PrioritiesAsync(ct) }))
            .AllowQuery().WithTags("Plan").WithName("ListPriorities")
            .WithSummary("The plan's priorities")
            .WithDescription("The plan's four priorities for action: place, economy, people and environment.")
            .Produces<PriorityList>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType);
        api.MapGet("/partners", async (PlanReads plan, CancellationToken ct) => TypedResults.Json(new { partners = await plan.PartnersAsync(ct) }))
            .AllowQuery().WithTags("Plan").WithName("ListPartners")
            .WithSummary("Partners")
            .WithDescription("The organisations of the partnership that lead and support actions, with their sector.")
            .Produces<PartnerList>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType);

        var actions = api.MapGroup("/actions").WithTags("Plan");
        actions.MapGet("/", List).AllowQuery("district", "priority", "partner", "ward", "status", "rag", "tag", "bbox").Offers(ListFormats)
            .WithName("ListActions")
            .WithSummary("Actions of the plan")
            .WithDescription("Actions filtered by district, priority, partner (lead or supporting), ward (actions targeting it or district-wide), "
                + "status, RAG, tag and bbox. JSON, CSV (f=csv) or GeoJSON (f=geojson: where each action is drawn).")
            .Produces<ActionList>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType, ResponseFormats.CsvMediaType, ResponseFormats.GeoJsonMediaType);
        actions.MapGet("/{id:int}", Get).AllowQuery().WithOwnEntityTag()
            .WithName("GetAction")
            .WithSummary("One action")
            .WithDescription("An action with its quarterly updates. The ETag header is the action's version: send it in If-Match to change or delete it.")
            .Produces<ActionDto>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType);
        actions.MapPost("/", Create).RequireWriteAccess()
            .WithName("CreateAction")
            .WithSummary("Create an action")
            .WithDescription("Creates an action. A partner key creates actions its own organisation leads; an admin key any. Audited.")
            .Accepts<ActionInput>(ResponseFormats.JsonMediaType)
            .Produces<ActionDto>(StatusCodes.Status201Created, ResponseFormats.JsonMediaType);
        actions.MapPut("/{id:int}", Replace).RequireWriteAccess()
            .WithName("ReplaceAction")
            .WithSummary("Replace an action")
            .WithDescription("Replaces an action with the representation sent. Needs If-Match with the current ETag (428 without it, 412 when stale). "
                + "A partner key may change only actions its organisation leads. Audited.")
            .Accepts<ActionInput>(ResponseFormats.JsonMediaType)
            .Produces<ActionDto>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType);
        actions.MapDelete("/{id:int}", Delete).RequireWriteAccess()
            .WithName("DeleteAction")
            .WithSummary("Delete an action")
            .WithDescription("Deletes an action and its updates. Needs If-Match with the current ETag. A partner key may delete only actions its organisation leads. Audited.")
            .Produces(StatusCodes.Status204NoContent);
        actions.MapPost("/{id:int}/updates", AddUpdate).RequireWriteAccess()
            .WithName("AddActionUpdate")
            .WithSummary("Report on an action")
            .WithDescription("Records a quarterly update (quarter, RAG, commentary). The action's RAG follows its latest quarter. Only the lead partner or an admin. Audited.")
            .Accepts<ActionUpdateInput>(ResponseFormats.JsonMediaType)
            .Produces<ActionDto>(StatusCodes.Status201Created, ResponseFormats.JsonMediaType);

        api.MapIndicatorEndpoints();
        api.MapGet("/focus-wards", FocusWards).AllowQuery("district", "release").WithTags("Plan").WithName("ListFocusWards")
            .WithSummary("Focus wards and why")
            .WithDescription("The wards where the plan focuses on the poorest outcomes, by the configured rule, each with the reasons that made it one.")
            .Produces<FocusWardList>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType);
        api.MapGet("/gaps", Gaps).AllowQuery("district", "release").WithTags("Plan").WithName("ListGaps")
            .WithSummary("Which deprived wards the plan reaches")
            .WithDescription("Wards by deprivation with the number of actions, partners and recent updates reaching each; focus wards that few actions target are flagged underserved.")
            .Produces<GapReport>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType);
        api.MapGet("/monitoring", Monitoring).AllowQuery("quarter", "district").WithTags("Plan").WithName("GetMonitoring")
            .WithSummary("Quarterly monitoring")
            .WithDescription("Actions by priority with their latest RAG as of the quarter; actions red or overdue; indicators moving against their polarity or missing their target.")
            .Produces<MonitoringReport>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType);
        return api;
    }

    private static async Task<IResult> List(HttpRequest request, ActionQueries queries, string? district, string? priority, string? partner, string? ward, string? status, string? rag, string? tag, string? bbox, CancellationToken cancellationToken)
    {
        var (format, error) = ResponseFormats.Negotiate(request, ListFormats, ResponseFormat.Json);
        if (format is null)
        {
            return Problems.NotAcceptable(error!);
        }

        var filter = new ActionFilter
        {
            District = RequestValues.GssCode(district, "district", "E07000111"),
            Priority = priority is null ? null : RequestValues.OneOf(priority, "priority", PlanVocabulary.Priorities, ""),
            Partner = partner is null ? null : int.TryParse(partner, out var id) ? id : throw new BadRequestException($"partner '{Text.Shorten(partner)}' must be a partner id (see /api/partners)."),
            Ward = RequestValues.GssCode(ward, "ward", "E05005031"),
            Status = status is null ? null : RequestValues.OneOf(status, "status", PlanVocabulary.Statuses, ""),
            Rag = rag is null ? null : RequestValues.OneOf(rag, "rag", PlanVocabulary.Rags, ""),
            Tag = tag is null ? null : Text.Shorten(tag, 50),
            Bbox = bbox is null ? null : FeatureRequest.ParseBbox(bbox),
        };
        var rows = await queries.ListAsync(filter, format == ResponseFormat.GeoJson, cancellationToken);
        return format switch
        {
            ResponseFormat.Csv => TableResults.Csv(rows.Select(r => r.Action), ActionDto.Columns, "actions.csv"),
            ResponseFormat.GeoJson => FeatureWriter.ResourceCollection(rows.Select(r => (r.Action.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.MapGeometry, (object)(r.Action with { Location = null })))),
            _ => TypedResults.Json(new ActionList([.. rows.Select(r => r.Action)])),
        };
    }

    private static async Task<IResult> Get(HttpContext http, ActionQueries queries, int id, CancellationToken cancellationToken)
    {
        var action = await ActionAsync(queries, id, cancellationToken);
        if (action is null)
        {
            return Problems.NotFound($"There is no action {id}.");
        }

        var headers = http.Response.GetTypedHeaders();
        headers.ETag = new EntityTagHeaderValue(action.ETag);
        headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Tag == action.ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Json(action);
    }

    private static async Task<IResult> Create(HttpRequest request, ClaimsPrincipal user, PlanWriter writer, ActionQueries queries, CancellationToken cancellationToken)
    {
        var input = await ReadAsync<ActionInput>(request, cancellationToken);
        var id = await writer.CreateActionAsync(input, Actor.From(user), cancellationToken);
        var action = (await ActionAsync(queries, id, cancellationToken))!;
        request.HttpContext.Response.Headers.ETag = action.ETag;
        return TypedResults.Created($"/api/actions/{id}", action);
    }

    private static async Task<IResult> Replace(HttpRequest request, ClaimsPrincipal user, PlanWriter writer, ActionQueries queries, int id, CancellationToken cancellationToken)
    {
        var input = await ReadAsync<ActionInput>(request, cancellationToken);
        await writer.ReplaceActionAsync(id, input, request.Headers.IfMatch.ToString(), Actor.From(user), cancellationToken);
        var action = (await ActionAsync(queries, id, cancellationToken))!;
        request.HttpContext.Response.Headers.ETag = action.ETag;
        return TypedResults.Json(action);
    }

    private static async Task<IResult> Delete(HttpRequest request, ClaimsPrincipal user, PlanWriter writer, int id, CancellationToken cancellationToken)
    {
        await writer.DeleteActionAsync(id, request.Headers.IfMatch.ToString(), Actor.From(user), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> AddUpdate(HttpRequest request, ClaimsPrincipal user, PlanWriter writer, ActionQueries queries, int id, CancellationToken cancellationToken)
    {
        var input = await ReadAsync<ActionUpdateInput>(request, cancellationToken);
        await writer.AddUpdateAsync(id, input, Actor.From(user), cancellationToken);
        var action = (await ActionAsync(queries, id, cancellationToken))!;
        request.HttpContext.Response.Headers.ETag = action.ETag;
        return TypedResults.Created($"/api/actions/{id}", action);
    }

    private static async Task<IResult> FocusWards(WardsOfDistrict districts, ReleaseResolver releases, FocusWardRule rule, string? district, string? release, CancellationToken cancellationToken)
    {
        var code = await districts.ResolveAsync(district, cancellationToken);
        var releaseCode = await releases.ResolveAsync(release, code, cancellationToken)
            ?? throw new BadRequestException($"No deprivation data is loaded for district {code}.");
        var standings = await rule.StandingsAsync(code, releaseCode, cancellationToken);
        return TypedResults.Json(new FocusWardList(code, releaseCode, rule.Rule, [.. standings.Where(s => s.IsFocus).Select(s => new FocusWard(s.Code, s.Name, s.ImdScore, s.DistrictRank, s.Reasons))]));
    }

    private static async Task<IResult> Gaps(WardsOfDistrict districts, ReleaseResolver releases, PlanMonitoring monitoring, string? district, string? release, CancellationToken cancellationToken)
    {
        var code = await districts.ResolveAsync(district, cancellationToken);
        return TypedResults.Json(await monitoring.GapsAsync(code, await releases.ResolveAsync(release, code, cancellationToken), cancellationToken));
    }

    private static async Task<IResult> Monitoring(PlanMonitoring monitoring, string? quarter, string? district, CancellationToken cancellationToken)
    {
        if (quarter is not null && !PlanVocabulary.IsQuarter(quarter))
        {
            throw new BadRequestException($"quarter '{Text.Shorten(quarter)}' must look like 2025-Q2.");
        }

        return TypedResults.Json(await monitoring.ReportAsync(quarter ?? monitoring.CurrentQuarter, RequestValues.GssCode(district, "district", "E07000111"), cancellationToken));
    }

    internal static async Task<ActionDto?> ActionAsync(ActionQueries queries, int id, CancellationToken cancellationToken)
    {
        var found = await queries.ListAsync(new ActionFilter { Id = id }, false, cancellationToken);
        return found is [var (action, _)] ? action with { Updates = await queries.UpdatesAsync(id, cancellationToken) } : null;
    }

    /// <summary>Reads a JSON body, refusing anything else with a 400 that says what was wrong.</summary>
    internal static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            throw new BadRequestException("Send the body as JSON with Content-Type: application/json.");
        }

        var body = await RequestBodies.ReadAsync(request, RequestBodies.MaxJsonBytes, cancellationToken);
        if (body.Length == 0)
        {
            throw new BadRequestException("The body is empty: send a JSON object.");
        }

        return Parse<T>(body);
    }

    /// <summary>A write's JSON as <typeparamref name="T"/>, with the rules every write's body follows (no control characters); a 400 otherwise.</summary>
    internal static T Parse<T>(byte[] body)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Json)
                ?? throw new BadRequestException("The body is empty: send a JSON object.");
        }
        catch (JsonException e)
        {
            throw new BadRequestException($"The body is not valid JSON for this request: {Text.Shorten(e.Message, 200)}");
        }
    }
}

public sealed record PriorityList(IReadOnlyList<PriorityDto> Priorities);

public sealed record PartnerList(IReadOnlyList<PartnerDto> Partners);

public sealed record FocusWard(string Code, string Name, double? ImdScore, int? DistrictRank, IReadOnlyList<string> Reasons);

public sealed record FocusWardList(string District, string Release, FocusRule Rule, IReadOnlyList<FocusWard> Wards);
