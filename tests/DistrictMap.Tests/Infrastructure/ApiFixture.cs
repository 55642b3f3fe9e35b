using System.Net.Http.Headers;
using System.Text.Json;
using DistrictMap.Tests.Import;

namespace DistrictMap.Tests.Infrastructure;

/// <summary>One database with the synthetic district loaded and the real application over it, shared by a test class's read-only tests.</summary>
public class ApiFixture : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;

    public ApiFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(Settings);
        await LoadAsync(Db);
        Factory = new ApiFactory(Db.ConnectionString, AppSettings, ConfigureHost);
        if (OverKestrel)
        {
            Factory.UseKestrel(0);
        }

        Client = Factory.CreateClient();
    }

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Serve over a real Kestrel server on a free loopback port, with its request parsing and limits, instead of in memory.</summary>
    protected virtual bool OverKestrel => false;

    /// <summary>Changes to the application's host, such as another logger.</summary>
    protected virtual void ConfigureHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
    }

    /// <summary>Configuration for the application, such as limits.</summary>
    protected virtual IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>();

    protected virtual Task LoadAsync(TestDatabase db) => SyntheticDistrict.LoadAllAsync(db);

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (Db is not null)
        {
            await Db.DisposeAsync();
        }
    }

    public async Task<JsonElement> JsonAsync(string url, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Follows an items response's next links from <paramref name="url"/>; returns every page.</summary>
    public async Task<IReadOnlyList<JsonElement>> FollowNextAsync(string url, int maxPages = 50)
    {
        var pages = new List<JsonElement>();
        for (string? next = url; next is not null && pages.Count < maxPages;)
        {
            var page = await JsonAsync(next);
            pages.Add(page);
            next = page.GetProperty("links").EnumerateArray()
                .Where(l => l.GetProperty("rel").GetString() == "next")
                .Select(l => new Uri(l.GetProperty("href").GetString()!).PathAndQuery)
                .FirstOrDefault();
        }

        return pages;
    }

    /// <summary>Asserts a problem details response with the status, and returns its detail.</summary>
    public async Task<string> ProblemAsync(string url, int status, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{url} answered {(int)response.StatusCode}, expected {status}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }
}

/// <summary>The application over an empty, migrated database.</summary>
public sealed class EmptyApiFixture : ApiFixture
{
    protected override Task LoadAsync(TestDatabase db) => Task.CompletedTask;
}

/// <summary>The same over the real Sevenoaks data, for the real-data API tests.</summary>
public sealed class SevenoaksApiFixture : ApiFixture
{
    public override Task InitializeAsync() => RealData.Directory is null ? Task.CompletedTask : base.InitializeAsync();

    protected override IDictionary<string, string?> Settings => RealDataLoader.Settings;

    protected override async Task LoadAsync(TestDatabase db) => await RealDataLoader.LoadAsync(db, "E07000111");
}
