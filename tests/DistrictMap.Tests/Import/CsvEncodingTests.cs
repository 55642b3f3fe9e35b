using System.Text;
using DistrictMap.Api.Import;
using DistrictMap.Api.Import.Lookup;
using DistrictMap.Api.Plan;
using DistrictMap.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictMap.Tests.Import;

/// <summary>
/// CSV imports read UTF-8 (with or without a byte order mark), UTF-16 with one, or the encoding given, and refuse
/// bytes that are not valid in it. The files are written here, synthetic, in each encoding.
/// </summary>
public sealed class CsvEncodingTests : DatabaseTest
{
    private const string WardName = "Café “Warm Space” Ward";

    private static readonly Encoding Windows1252 = CodePages(1252);

    private readonly string folder = Directory.CreateTempSubdirectory("districtmap-encoding-").FullName;

    private static Encoding CodePages(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SyntheticDistrict.LoadBoundariesAsync(Db);
    }

    public override async Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        await base.DisposeAsync();
    }

    private string Lookup(Encoding encoding, bool byteOrderMark = false)
    {
        var path = Path.Combine(folder, "lookup.csv");
        var text = $"LSOA11CD,WD19CD,WD19NM,LAD19CD\nE01999901,E05999901,{WardName},E07999999\n";
        var bytes = encoding.GetBytes(text);
        File.WriteAllBytes(path, byteOrderMark ? [.. encoding.GetPreamble(), .. bytes] : bytes);
        return path;
    }

    private Task<ImportSummary> ImportLookup(string path, string? encoding = null) =>
        Db.Lookup.ImportAsync(new LookupImportOptions { Path = path, District = SyntheticDistrict.Code, Encoding = encoding }, TestDatabase.NoProgress);

    private Task<string?> StoredWardNameAsync() => Db.ScalarAsync<string>("SELECT ward_name FROM lsoa_ward_lookup WHERE lsoa_code = 'E01999901'");

    [Theory]
    [InlineData(65001, false)]
    [InlineData(65001, true)]
    [InlineData(1200, true)]
    [InlineData(1201, true)]
    public async Task UTF_8_with_or_without_a_byte_order_mark_and_UTF_16_with_one_are_found_from_the_file(int codePage, bool byteOrderMark)
    {
        await ImportLookup(Lookup(codePage == 65001 ? new UTF8Encoding(false) : Encoding.GetEncoding(codePage), byteOrderMark));

        Assert.Equal(WardName, await StoredWardNameAsync());
    }

    [Fact]
    public async Task A_windows_1252_file_is_refused_naming_row_and_column_and_nothing_is_written()
    {
        var before = await Db.DigestAsync();

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportLookup(Lookup(Windows1252)));

        Assert.Equal("row 1", error.Location);
        Assert.Contains("column WD19NM", error.Reason, StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", error.Reason, StringComparison.Ordinal);
        Assert.Contains("--encoding", error.Reason, StringComparison.Ordinal);
        Assert.Equal(before, await Db.DigestAsync());
    }

    [Fact]
    public async Task A_windows_1252_file_imports_when_its_encoding_is_given()
    {
        await ImportLookup(Lookup(Windows1252), "windows-1252");

        Assert.Equal(WardName, await StoredWardNameAsync());
    }

    [Fact]
    public async Task A_byte_that_the_given_encoding_does_not_define_is_refused()
    {
        var path = Path.Combine(folder, "lookup.csv");
        // 0x81 is undefined in windows-1252.
        File.WriteAllBytes(path, [.. "LSOA11CD,WD19CD,WD19NM,LAD19CD\nE01999901,E05999901,Ward "u8, 0x81, .. ",E07999999\n"u8]);

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportLookup(path, "windows-1252"));

        Assert.Equal("row 1", error.Location);
        Assert.Contains("column WD19NM", error.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await Db.CountAsync("lsoa_ward_lookup"));
    }

    [Fact]
    public async Task An_unknown_encoding_name_is_refused_in_plain_words()
    {
        var error = await Assert.ThrowsAsync<ImportException>(() => ImportLookup(Lookup(Windows1252), "no-such-encoding"));

        Assert.Contains("--encoding no-such-encoding is not an encoding name", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_windows_1252_plan_is_refused_without_its_encoding_and_imports_with_it()
    {
        var plan = Path.Combine(folder, "plan");
        Directory.CreateDirectory(plan);
        foreach (var file in new[] { "partners.csv", "indicators.csv" })
        {
            File.Copy(Fixtures.File(Path.Combine("plan-synthetic", file)), Path.Combine(plan, file));
        }

        const string title = "Café – “warm space”";
        File.WriteAllBytes(
            Path.Combine(plan, "actions.csv"),
            Windows1252.GetBytes($"reference,title,priority,lead_partner,status,wards\nT1,{title},people,Synthetic Partner A,in-progress,E05999901\n"));
        var before = await Db.DigestAsync();

        var error = await Assert.ThrowsAsync<ImportException>(() => ImportPlanAsync(plan, null));

        Assert.Equal(("actions.csv", "row 1"), (error.File, error.Location));
        Assert.Contains("column title", error.Reason, StringComparison.Ordinal);
        Assert.Equal(before, await Db.DigestAsync());

        await ImportPlanAsync(plan, "windows-1252");

        Assert.Equal(title, await Db.ScalarAsync<string>("SELECT title FROM actions WHERE reference = 'T1'"));
    }

    private async Task<PlanImportSummary> ImportPlanAsync(string plan, string? encoding)
    {
        await using var scope = Db.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlanCsv>()
            .ImportAsync(plan, SyntheticDistrict.Code, sample: false, replace: false, CancellationToken.None, encoding);
    }
}
