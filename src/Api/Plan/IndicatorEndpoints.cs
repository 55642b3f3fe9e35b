using System.Security.Claims;
using DistrictMap.Api.Http;
using DistrictMap.Api.Access;

namespace DistrictMap.Api.Plan;

/// <summary>/api/indicators: the plan's outcome indicators and their values; partners post values.</summary>
public static class IndicatorEndpoints
{
    private static readonly ResponseFormat[] ValueFormats = [ResponseFormat.Json, ResponseFormat.Csv];

    public static RouteGroupBuilder MapIndicatorEndpoints(this RouteGroupBuilder api)
    {
        var indicators = api.MapGroup("/indicators").WithTags("Plan");
        indicators.MapGet("/", async (PlanReads plan, CancellationToken ct) => TypedResults.Json(new IndicatorList(await plan.IndicatorsAsync(ct)))).AllowQuery()
            .WithName("ListIndicators")
            .WithSummary("Outcome indicators")
            .WithDescription("The indicators the plan aims to move: unit, polarity (whether higher or lower is better), geography (ward or district), source and licence.")
            .Produces<IndicatorList>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType);
        indicators.MapGet("/{code}/values", Values).AllowQuery("area", "period", "district").Offers(ValueFormats)
            .WithName("ListIndicatorValues")
            .WithSummary("An indicator's values")
            .WithDescription("An indicator's values by area and period, each beside its district's value for the same period. JSON or CSV (f=csv).")
            .Produces<IndicatorValues>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType, ResponseFormats.CsvMediaType);
        indicators.MapPost("/{code}/values", Post).RequireWriteAccess()
            .WithName("PostIndicatorValues")
            .WithSummary("Post indicator values")
            .WithDescription("One value as JSON ({area, period, value, target, note}), or many as a CSV upload (Content-Type: text/csv; columns area, period, value, "
                + "and optionally target and note). All or nothing: when any row is bad, nothing is written and every bad row is reported. "
                + "A value for an area and period already held is replaced. Audited.")
            .Accepts<IndicatorValueInput>(ResponseFormats.JsonMediaType, ResponseFormats.CsvMediaType)
            .Produces<ValuesWritten>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType);
        return indicators;
    }

    private static async Task<IResult> Values(HttpRequest request, PlanReads plan, string code, string? area, string? period, string? district, CancellationToken cancellationToken)
    {
        var (format, error) = ResponseFormats.Negotiate(request, ValueFormats, ResponseFormat.Json);
        if (format is null)
        {
            return Problems.NotAcceptable(error!);
        }

        var indicator = await plan.IndicatorAsync(code, cancellationToken);
        if (indicator is null)
        {
            return Problems.NotFound($"There is no indicator '{Text.Shorten(code)}' (see /api/indicators).");
        }

        if (period is not null && !PlanVocabulary.IsPeriod(period))
        {
            throw new BadRequestException($"period '{Text.Shorten(period)}' must be a quarter such as 2025-Q2 or a year such as 2025.");
        }

        var values = await plan.ValuesAsync(code, RequestValues.GssCode(area, "area", "E05005031"), period, RequestValues.GssCode(district, "district", "E07000111"), cancellationToken);
        return format == ResponseFormat.Csv
            ? TableResults.Csv(values, IndicatorValueDto.Columns, $"indicator-{code}.csv")
            : TypedResults.Json(new IndicatorValues(indicator, values));
    }

    private static async Task<IResult> Post(HttpRequest request, ClaimsPrincipal user, PlanWriter writer, string code, CancellationToken cancellationToken)
    {
        IReadOnlyList<(string Row, IndicatorValueInput Value)> rows;
        if (request.ContentType?.StartsWith(ResponseFormats.CsvMediaType, StringComparison.OrdinalIgnoreCase) == true)
        {
            var body = await RequestBodies.ReadAsync(request, RequestBodies.MaxUploadBytes, cancellationToken);
            var charset = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? type.Charset.Value : null;
            rows = [.. IndicatorValueCsv.Read(body, charset, code, "send UTF-8, or name the encoding in the Content-Type, such as text/csv; charset=windows-1252")
                .Select(r => (r.Row, r.Value))];
        }
        else
        {
            rows = [("body", await PlanEndpoints.ReadAsync<IndicatorValueInput>(request, cancellationToken))];
        }

        var written = await writer.SetIndicatorValuesAsync(code, rows, Actor.From(user), sample: false, cancellationToken);
        return TypedResults.Json(new ValuesWritten(rows.Count, written));
    }
}

public sealed record IndicatorList(IReadOnlyList<IndicatorDto> Indicators);

public sealed record ValuesWritten(int Received, int Written);
