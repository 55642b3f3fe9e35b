namespace DistrictMap.Tests.Infrastructure;

/// <summary>A test class whose every test gets a fresh migrated database of its own.</summary>
public abstract class DatabaseTest : IAsyncLifetime
{
    protected TestDatabase Db { get; private set; } = null!;

    /// <summary>Settings for the database's services, such as data paths.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync() => Db = await TestDatabase.CreateAsync(Settings);

    public virtual async Task DisposeAsync() => await Db.DisposeAsync();
}
