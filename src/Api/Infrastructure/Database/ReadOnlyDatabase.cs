namespace DistrictMap.Api.Infrastructure.Database;

/// <summary>
/// Where reads go. With <c>ConnectionStrings:DistrictMapReadOnly</c> set (a streaming replica), the services keyed
/// <see cref="Key"/> (an <c>NpgsqlDataSource</c> and a <c>DistrictMapDbContext</c>) reach it; otherwise they are the
/// primary's own. Readers ask for them with <c>[FromKeyedServices(ReadOnlyDatabase.Key)]</c>; imports, plan writes,
/// API keys and migrations take the unkeyed ones, which always reach the primary.
/// </summary>
public static class ReadOnlyDatabase
{
    public const string Key = "read-only";

    /// <summary>The connection string name of the read replica.</summary>
    public const string ConnectionStringName = "DistrictMapReadOnly";
}
