using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DistrictMap.Tests.Infrastructure;
using DistrictMap.Tests.Plan;
using DistrictMap.Tests.Places;

namespace DistrictMap.Tests.Api;

/// <summary>The synthetic district with its places and plan: something behind every read of the API.</summary>
public sealed class ContractFixture : PlanFixture
{
    protected override async Task LoadAsync(TestDatabase db)
    {
        await base.LoadAsync(db);
        await SyntheticPlaces.LoadAllAsync(db);
    }
}

/// <summary>Every read of the API answers what the OpenAPI document says, checked by a JSON Schema validator.</summary>
public sealed class OpenApiResponseTests(ContractFixture api) : IClassFixture<ContractFixture>
{
    private static readonly string[] JsonMediaTypes = ["application/json", "application/geo+json", "application/ld+json", "application/schema+json"];

    private async Task<OpenApiResponseValidator> ValidatorAsync() => new(await api.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

    /// <summary>Synthetic values for the path and query parameters, by name and operation.</summary>
    private async Task<Dictionary<string, string>> ValuesAsync()
    {
        var action = (await api.JsonAsync("/api/actions")).GetProperty("actions")[0].GetProperty("id").GetInt32();
        var indicator = (await api.JsonAsync("/api/indicators")).GetProperty("indicators")[0].GetProperty("code").GetString()!;
        return new(StringComparer.Ordinal)
        {
            ["GetDistrict/code"] = "E07999999",
            ["GetWard/code"] = "E05999901",
            ["GetLsoa/code"] = "E01999901",
            ["code"] = indicator,
            ["id"] = action.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["lon"] = "0.15",
            ["lat"] = "51.05",
            ["district"] = "E07999999",
            // Found among the wards by name: the contract fixture loads no postcodes or place names.
            ["q"] = "Synthetic Ward",
        };
    }

    private async Task<(int Status, string? MediaType, string Body)> GetAsync(string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await api.Client.SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_JSON_read_of_every_operation_validates_against_its_schema()
    {
        var validator = await ValidatorAsync();
        var values = await ValuesAsync();
        var collections = (await api.JsonAsync("/ogc/collections")).GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        var problems = new List<string>();
        var checkedResponses = 0;

        foreach (var (template, item) in validator.Document["paths"]!.AsObject())
        {
            if (item!["get"] is not JsonObject operation)
            {
                continue;
            }

            var id = operation["operationId"]!.GetValue<string>();
            var parameters = operation["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
            // The required query parameters, and the district wherever one may be given (some lists need a district or a ward).
            var query = parameters.Where(p => p["in"]!.GetValue<string>() == "query" && (p["required"]?.GetValue<bool>() == true || p["name"]!.GetValue<string>() == "district"))
                .Select(p => p["name"]!.GetValue<string>()).Select(n => $"{n}={values[n]}");
            var mediaTypes = operation["responses"]!["200"]?["content"]?.AsObject().Select(c => c.Key).Where(JsonMediaTypes.Contains).ToList() ?? [];
            foreach (var collection in template.Contains("{collectionId}", StringComparison.Ordinal) ? collections : [""])
            {
                var path = template.Replace("{collectionId}", collection, StringComparison.Ordinal);
                if (path.Contains("{featureId}", StringComparison.Ordinal))
                {
                    var first = (await api.JsonAsync($"/ogc/collections/{collection}/items?limit=1")).GetProperty("features");
                    if (first.GetArrayLength() == 0)
                    {
                        continue;
                    }

                    path = path.Replace("{featureId}", Uri.EscapeDataString(first[0].GetProperty("id").ToString()), StringComparison.Ordinal);
                }

                foreach (var name in new[] { "code", "id" })
                {
                    path = path.Replace($"{{{name}}}", values.GetValueOrDefault($"{id}/{name}") ?? values[name], StringComparison.Ordinal);
                }

                if (path.Contains('{', StringComparison.Ordinal))
                {
                    continue;
                }

                var url = query.Any() ? $"{path}?{string.Join('&', query)}" : path;
                foreach (var mediaType in mediaTypes)
                {
                    var (status, served, body) = await GetAsync(url, mediaType);
                    Assert.True(status == 200, $"{url} as {mediaType}: {status} {body}");
                    problems.AddRange(validator.Problems("GET", path, status, served ?? mediaType, body));
                    checkedResponses++;
                }
            }
        }

        Assert.Empty(problems);
        Assert.True(checkedResponses >= 40, $"{checkedResponses} responses checked");
    }

    [Theory]
    [InlineData("/api/wards?district=E07999999&colour=red", 400)]
    [InlineData("/api/wards/E05000000", 404)]
    [InlineData("/ogc/collections/wards/items?limit=0", 400)]
    [InlineData("/ogc/collections/wards/items/not-a-code", 404)]
    [InlineData("/api/nearby?lon=0.15&lat=51.05&radius=99999", 400)]
    [InlineData("/api/lsoas/E01999901", 200)]
    [InlineData("/api/nearby?lon=0.15&lat=51.05&geometry=true", 200)]
    [InlineData("/api/actions?bbox=0,51,0.3,51.2", 200)]
    [InlineData("/api/wards?district=E07999999&geometry=true", 200)]
    [InlineData("/api/search?q=", 400)]
    [InlineData("/api/search?q=TN13%201", 200)]
    public async Task Problems_and_variants_validate_against_their_schema(string url, int expected)
    {
        var validator = await ValidatorAsync();

        var (status, mediaType, body) = await GetAsync(url, "application/json");

        Assert.Equal(expected, status);
        Assert.Empty(validator.Problems("GET", url.Split('?')[0], status, mediaType!, body));
    }

    [Fact]
    public async Task The_validator_refuses_a_response_that_does_not_match()
    {
        var validator = await ValidatorAsync();
        var ward = JsonNode.Parse((await GetAsync("/api/wards/E05999901", "application/json")).Body)!;
        ward["areaKm2"] = "large";

        Assert.Contains(validator.Problems("GET", "/api/wards/E05999901", 200, "application/json", ward.ToJsonString()), p => p.Contains("/areaKm2", StringComparison.Ordinal));
    }
}
