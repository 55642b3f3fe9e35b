using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DistrictMap.Api.Infrastructure.Database;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the database: connection resolution, the Npgsql data source (with PostGIS types) and the EF context.</summary>
    public static IServiceCollection AddDistrictMapDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<DatabaseConnection>();
        services.AddSingleton(sp => DataSource(sp.GetRequiredService<DatabaseConnection>().ConnectionString, sp));
        services.AddDbContext<DistrictMapDbContext>((sp, options) => options.ConfigureDistrictMap(sp.GetRequiredService<NpgsqlDataSource>()));

        // Reads: the replica when one is configured, else the primary's own services.
        services.AddKeyedSingleton(ReadOnlyDatabase.Key, (sp, _) =>
            sp.GetRequiredService<DatabaseConnection>().ReadOnlyConnectionString is { } readOnly
                ? DataSource(readOnly, sp)
                : sp.GetRequiredService<NpgsqlDataSource>());
        services.AddKeyedScoped(ReadOnlyDatabase.Key, (sp, _) =>
        {
            if (sp.GetRequiredService<DatabaseConnection>().ReadOnlyConnectionString is null)
            {
                return sp.GetRequiredService<DistrictMapDbContext>();
            }

            var options = new DbContextOptionsBuilder<DistrictMapDbContext>();
            options.ConfigureDistrictMap(sp.GetRequiredKeyedService<NpgsqlDataSource>(ReadOnlyDatabase.Key))
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
            return new DistrictMapDbContext(options.Options);
        });
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }

    private static NpgsqlDataSource DataSource(string connectionString, IServiceProvider services)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!new DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey("Timeout"))
        {
            builder.ConnectionStringBuilder.Timeout = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectTimeoutSeconds;
        }

        // The API's spatial queries take far longer to plan than to run: prepare the ones used repeatedly,
        // unless the connection string says otherwise.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 256;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        builder.UseNetTopologySuite();
        return builder.Build();
    }

    /// <summary>The one place the EF provider is configured, shared by the app and the design-time factory.</summary>
    public static DbContextOptionsBuilder ConfigureDistrictMap(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options
            .UseNpgsql(dataSource, o => o
                .UseNetTopologySuite()
                .MigrationsHistoryTable("__ef_migrations_history")
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .UseSnakeCaseNamingConvention();
}
