using DistrictMap.Api.Http;

namespace DistrictMap.Api.Wards;

/// <summary>The district a request is about: the one it names, or the only one with wards loaded.</summary>
public sealed class WardsOfDistrict(WardQueries queries)
{
    public async Task<string> ResolveAsync(string? district, CancellationToken cancellationToken)
    {
        var districts = await queries.DistrictsWithWardsAsync(cancellationToken);
        var code = RequestValues.GssCode(district, "district", "E07000111");
        if (code is null)
        {
            return districts.Count switch
            {
                1 => districts[0],
                0 => throw new ResourceNotFoundException("No wards are loaded yet."),
                _ => throw new BadRequestException($"district is required: give one of {string.Join(", ", districts)}."),
            };
        }

        return districts.Contains(code)
            ? code
            : throw new ResourceNotFoundException($"There are no wards of district {code} loaded. Districts with wards: {string.Join(", ", districts)}.");
    }
}
