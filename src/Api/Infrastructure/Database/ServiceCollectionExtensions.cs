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
        services.AddSingleton(sp =>
        {
            var connectionString = sp.GetRequiredService<DatabaseConnection>().ConnectionString;
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            if (!new DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey("Timeout"))
            {
                builder.ConnectionStringBuilder.Timeout = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectTimeoutSeconds;
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
        });
        services.AddDbContext<DistrictMapDbContext>((sp, options) => options.ConfigureDistrictMap(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<DatabaseMigrator>();
        return services;
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
