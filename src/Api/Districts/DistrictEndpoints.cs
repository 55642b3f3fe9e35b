using DistrictMap.Api.Datasets;
using DistrictMap.Api.Deprivation;
using DistrictMap.Api.Http;
using DistrictMap.Api.Lsoas;
using DistrictMap.Api.Wards;
using Npgsql;
using static DistrictMap.Api.Wards.WardQueries;
using DistrictMap.Api.Infrastructure.Database;

namespace DistrictMap.Api.Districts;

/// <summary>A district's deprivation, aggregated from its LSOAs as wards are (population-weighted).</summary>
public sealed record DistrictDeprivation(
    string Release,
    int LsoaCount,
    double? ImdScore,
    int? WorstDecile,
    int LsoasInMostDeprived10,
    int LsoasInMostDeprived20,
    int LsoasInMostDeprived30,
    double? PopulationShareInMostDeprived30,
    IReadOnlyList<WardRank> MostDeprivedWards,
    string Method);

public sealed record DistrictWard(string Code, string Name, string Href);

public sealed record DistrictProfile(
    string Code,
    string Name,
    double? AreaKm2,
    int WardCount,
    int LsoaCount,
    long? Population,
    DistrictDeprivation? Deprivation,
    IReadOnlyList<DistrictWard> Wards,
    IReadOnlyList<DatasetSource> Sources,
    IReadOnlyList<Link> Links);

/// <summary>/api/districts/{code}: a district's overview.</summary>
public static class DistrictEndpoints
{
    public static RouteGroupBuilder MapDistrictEndpoints(this RouteGroupBuilder api)
    {
        var districts = api.MapGroup("/districts").WithTags("Districts");
        districts.MapGet("/{code}", Get).AllowQuery("release").Offers(ResponseFormat.Json)
            .WithName("GetDistrict")
            .WithSummary("A district's overview")
            .WithDescription("A district's name, area, wards, population and deprivation overview (population-weighted IMD score, "
                + "LSOAs in the most deprived 10/20/30% nationally, its most deprived wards), and the sources of its data with their licences.")
            .Produces<DistrictProfile>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType);
        return districts;
    }

    private static async Task<IResult> Get(
        HttpRequest request,
        [FromKeyedServices(ReadOnlyDatabase.Key)] NpgsqlDataSource dataSource,
        WardQueries wards,
        ReleaseResolver releases,
        ProvenanceStore provenance,
        string code,
        string? release,
        CancellationToken cancellationToken)
    {
        var (format, error) = ResponseFormats.Negotiate(request, [ResponseFormat.Json], ResponseFormat.Json);
        if (format is null)
        {
            return Problems.NotAcceptable(error!);
        }

        var districtCode = RequestValues.RequiredGssCode(code, "district", "E07000111");
        await using var command = dataSource.CreateCommand($"""
            SELECT d.name, round((d.area_m2 / 1e6)::numeric, 2)::float8,
                   (SELECT count(*) FROM wards w WHERE w.district_code = d.code)::int,
                   (SELECT count(*) FROM lsoas l WHERE l.district_code = d.code AND {LsoaQueries.IsLatestVintage})::int
            FROM districts d WHERE d.code = $1
            """);
        command.Parameters.AddWithValue(districtCode);
        string name;
        double? area;
        int wardCount, lsoaCount;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return Problems.NotFound($"There is no district {districtCode} loaded.");
            }

            (name, area, wardCount, lsoaCount) = (reader.GetString(0), NullableDouble(reader, 1), reader.GetInt32(2), reader.GetInt32(3));
        }

        var releaseCode = await releases.ResolveAsync(release, districtCode, cancellationToken);
        var deprivation = releaseCode is null ? null : await DeprivationAsync(dataSource, wards, districtCode, releaseCode, Links.Absolute(request, WardEndpoints.MethodPath), cancellationToken);
        var summaries = await wards.SummariesAsync(districtCode, null, releaseCode, false, cancellationToken);
        var sources = await provenance.ForDistrictAsync(districtCode, cancellationToken);
        return TypedResults.Json(new DistrictProfile(
            districtCode,
            name,
            area,
            wardCount,
            lsoaCount,
            deprivation is null ? null : summaries.Sum(s => s.Population),
            deprivation,
            [.. summaries.Select(s => new DistrictWard(s.Code, s.Name, Links.Absolute(request, $"/api/wards/{s.Code}")))],
            [.. sources.Where(s => s.Key.EndsWith($":{districtCode}", StringComparison.Ordinal) || s.Key.EndsWith(":all", StringComparison.Ordinal))],
            [
                new Link(Links.Absolute(request, request.Path), "self", ResponseFormats.JsonMediaType),
                new Link(Links.Absolute(request, "/api/wards", QueryString.Create("district", districtCode)), "related", ResponseFormats.JsonMediaType, "Wards"),
                new Link(Links.Absolute(request, "/api/wards/ranking", QueryString.Create("district", districtCode)), "related", ResponseFormats.JsonMediaType, "Wards ranked by deprivation"),
                new Link(Links.Absolute(request, $"/ogc/collections/districts/items/{districtCode}"), "alternate", ResponseFormats.GeoJsonMediaType, "The district's outline"),
                new Link(Links.Absolute(request, "/api/catalog"), "describedby", "application/ld+json", "Catalogue of the datasets"),
            ]));
    }

    private static async Task<DistrictDeprivation> DeprivationAsync(NpgsqlDataSource dataSource, WardQueries wards, string district, string release, string method, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT count(*)::int,
                   CASE WHEN count(p.total) = count(*) AND sum(p.total) > 0 AND count(s.score) = count(*)
                        THEN round((sum(s.score * p.total) / sum(p.total))::numeric, 3)::float8 END,
                   min(s.decile),
                   count(*) FILTER (WHERE s.decile <= 1)::int, count(*) FILTER (WHERE s.decile <= 2)::int, count(*) FILTER (WHERE s.decile <= 3)::int,
                   CASE WHEN count(p.total) = count(*) AND sum(p.total) > 0
                        THEN round((coalesce(sum(p.total) FILTER (WHERE s.decile <= 3), 0)::numeric / sum(p.total)), 4)::float8 END
            FROM lsoa_ward_assignments a
            JOIN wards w ON w.code = a.ward_code AND w.district_code = $1
            JOIN iod_releases r ON r.code = $2 AND r.lsoa_vintage = a.lsoa_vintage
            JOIN deprivation_scores s ON s.release = r.code AND s.lsoa_code = a.lsoa_code AND s.domain = 'imd'
            LEFT JOIN lsoa_populations p ON p.release = r.code AND p.lsoa_code = a.lsoa_code
            """);
        command.Parameters.AddWithValue(district);
        command.Parameters.AddWithValue(release);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var ranking = await wards.RankingAsync(district, release, DeprivationDomains.Imd, cancellationToken);
        return new DistrictDeprivation(
            release,
            reader.GetInt32(0),
            NullableDouble(reader, 1),
            NullableInt(reader, 2),
            reader.GetInt32(3),
            reader.GetInt32(4),
            reader.GetInt32(5),
            NullableDouble(reader, 6),
            [.. ranking.Where(r => r.Rank is not null).Take(5)],
            method);
    }
}
