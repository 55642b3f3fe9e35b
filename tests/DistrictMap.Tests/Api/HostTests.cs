using System.Net;
using System.Text.Json;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Api;

public sealed class HostTests(EmptyApiFixture api) : IClassFixture<EmptyApiFixture>
{

    [Fact]
    public async Task Live_health_answers_without_asking_the_database()
    {
        using var response = await api.Client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_health_reports_the_database_and_PostGIS()
    {
        using var response = await api.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.StartsWith("3.", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("data").GetProperty("postgis").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_page_is_served_at_the_root_with_the_data_attribution()
    {
        using var response = await api.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Open Government Licence", html, StringComparison.Ordinal);
        Assert.Contains("Contains OS data © Crown copyright", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenAPI_document_and_its_viewer_are_served()
    {
        using var document = await api.Client.GetAsync("/openapi/v1.json");
        using var viewer = await api.Client.GetAsync("/docs/index.html");

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        using var json = JsonDocument.Parse(await document.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", json.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
    }

    [Fact]
    public async Task An_unknown_path_gets_a_problem_details_404()
    {
        using var response = await api.Client.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, body.RootElement.GetProperty("status").GetInt32());
    }
}

public sealed class HostStartupTests
{
    [Fact]
    public async Task Start_up_migrates_an_empty_database()
    {
        var name = await PostgresServer.CreateEmptyDatabaseAsync();
        try
        {
            await using var factory = new ApiFactory(PostgresServer.ConnectionString(name));
            using var client = factory.CreateClient();

            using var response = await client.GetAsync("/health/ready");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await using var connection = new Npgsql.NpgsqlConnection(PostgresServer.ConnectionString(name));
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM iod_releases", connection);
            Assert.Equal(2L, await command.ExecuteScalarAsync());
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(name);
        }
    }

    [Fact]
    public async Task Ready_health_is_503_when_the_database_cannot_be_reached()
    {
        var unreachable = "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2";
        await using var factory = new ApiFactory(unreachable).WithWebHostBuilder(b => b.UseSetting("DistrictMap:Database:MigrateOnStartup", "false"));
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync("/health/ready");
        using var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
