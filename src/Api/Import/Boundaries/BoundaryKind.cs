namespace DistrictMap.Api.Import.Boundaries;

public enum BoundaryKind
{
    Districts,
    Wards,
    Lsoas,
}
