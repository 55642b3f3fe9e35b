using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace DistrictMap.Api.Infrastructure.Database;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DistrictMapDbContext>
{
    public DistrictMapDbContext CreateDbContext(string[] args)
    {
        var builder = new NpgsqlDataSourceBuilder("Host=127.0.0.1;Database=districtmap_design");
        builder.UseNetTopologySuite();
        var options = new DbContextOptionsBuilder<DistrictMapDbContext>();
        options.ConfigureDistrictMap(builder.Build());
        return new DistrictMapDbContext(options.Options);
    }
}
