using DistrictMap.Api.Accounts;
using DistrictMap.Api.Import;
using DistrictMap.Api.Import.Boundaries;
using DistrictMap.Api.Import.Deprivation;
using DistrictMap.Api.Import.Lookup;
using DistrictMap.Api.Infrastructure.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DistrictMap.Tests.Infrastructure;

/// <summary>A fresh migrated database of its own for one test, with the application's services over it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly bool owned;

    private TestDatabase(string name, IDictionary<string, string?> settings, string? connectionString = null)
    {
        Name = name;
        owned = connectionString is null;
        ConnectionString = connectionString ?? PostgresServer.ConnectionString(name);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["ConnectionStrings:DistrictMap"] = ConnectionString })
            .Build();
        services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddDistrictMapDatabase(configuration)
            .AddDistrictMapImport(configuration)
            .AddSingleton(TimeProvider.System)
            .AddScoped<DistrictMap.Api.Plan.PlanWriter>()
            .AddScoped<DistrictMap.Api.Plan.PlanCsv>()
            .AddScoped<DistrictMap.Api.Access.ApiKeys>()
            .AddDistrictMapAccountStore(configuration)
            .BuildServiceProvider();
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public IServiceProvider Services => services;

    public NpgsqlDataSource DataSource => services.GetRequiredService<NpgsqlDataSource>();

    public BoundaryImporter Boundaries => services.GetRequiredService<BoundaryImporter>();

    public LookupImporter Lookup => services.GetRequiredService<LookupImporter>();

    public IodImporter Iod => services.GetRequiredService<IodImporter>();

    public static async Task<TestDatabase> CreateAsync(IDictionary<string, string?>? settings = null) =>
        new(await PostgresServer.CreateDatabaseAsync(), settings ?? new Dictionary<string, string?>());

    /// <summary>The application's services over a database on another server (such as a test's own cluster), left in place on disposal.</summary>
    public static TestDatabase On(string connectionString) =>
        new(new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!, new Dictionary<string, string?>(), connectionString);

    public async Task<long> CountAsync(string table)
    {
        await using var command = DataSource.CreateCommand($"SELECT count(*) FROM {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async Task<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> map, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>
    /// A digest of every row of every data table (geometries as WKB), to show that an operation changed nothing.
    /// </summary>
    public async Task<string> DigestAsync()
    {
        var tables = new[]
        {
            "datasets", "data_state", "districts", "wards", "lsoas", "lsoa_ward_lookup",
            "lsoa_ward_assignments", "deprivation_scores", "lsoa_populations", "ward_deprivation",
            "priorities", "partners", "actions", "action_wards", "action_supporters", "action_indicators", "action_updates",
            "indicators", "indicator_values", "audit_log",
            "routes", "green_spaces", "town_centre_projects", "recycling_sites", "activities", "ward_places",
            "green_space_sources", "postcodes", "place_names",
        };
        var parts = new List<string>();
        foreach (var table in tables)
        {
            parts.Add(table + ":" + await ScalarAsync<string>($"SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), 'empty') FROM {table} t"));
        }

        return string.Join('\n', parts);
    }

    public static IImportProgress NoProgress => IImportProgress.None;

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        if (owned)
        {
            await PostgresServer.DropDatabaseAsync(Name);
        }
    }
}
