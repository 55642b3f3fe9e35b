using DistrictMap.Api.Access;
using DistrictMap.Api.Accounts;
using DistrictMap.Api.Datasets;
using DistrictMap.Api.Deprivation;
using DistrictMap.Api.Geography;
using DistrictMap.Api.Plan;
using DistrictMap.Api.Places;
using DistrictMap.Api.Search;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DistrictMap.Api.Infrastructure.Database;

/// <summary>
/// The one database context: the geography, the plan, and the accounts people sign in with (ASP.NET Core Identity's
/// user tables, without its role tables: an account's role is a column), and the data protection keys every instance shares.
/// </summary>
public sealed class DistrictMapDbContext(DbContextOptions<DistrictMapDbContext> options)
    : IdentityUserContext<Account, int>(options), IDataProtectionKeyContext
{
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<DataState> DataState => Set<DataState>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<Ward> Wards => Set<Ward>();
    public DbSet<Lsoa> Lsoas => Set<Lsoa>();
    public DbSet<LsoaWardLookupEntry> LsoaWardLookup => Set<LsoaWardLookupEntry>();
    public DbSet<LsoaWardAssignment> LsoaWardAssignments => Set<LsoaWardAssignment>();
    public DbSet<IodRelease> IodReleases => Set<IodRelease>();
    public DbSet<DeprivationScore> DeprivationScores => Set<DeprivationScore>();
    public DbSet<LsoaPopulation> LsoaPopulations => Set<LsoaPopulation>();
    public DbSet<WardDeprivation> WardDeprivation => Set<WardDeprivation>();
    public DbSet<Priority> Priorities => Set<Priority>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<PlanAction> Actions => Set<PlanAction>();
    public DbSet<ActionUpdate> ActionUpdates => Set<ActionUpdate>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<WalkingCyclingRoute> Routes => Set<WalkingCyclingRoute>();
    public DbSet<GreenSpace> GreenSpaces => Set<GreenSpace>();
    public DbSet<TownCentreProject> TownCentreProjects => Set<TownCentreProject>();
    public DbSet<RecyclingSite> RecyclingSites => Set<RecyclingSite>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<GreenSpaceSource> GreenSpaceSources => Set<GreenSpaceSource>();
    public DbSet<Postcode> Postcodes => Set<Postcode>();
    public DbSet<PlaceName> PlaceNames => Set<PlaceName>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("postgis");
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(DistrictMapDbContext).Assembly);
    }
}
