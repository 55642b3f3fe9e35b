namespace DistrictMap.Api.Deprivation;

/// <summary>The indices of the English Indices of Deprivation, by their identifier in this service.</summary>
public static class DeprivationDomains
{
    public const string Imd = "imd";
    public const string Income = "income";
    public const string Employment = "employment";
    public const string Education = "education";
    public const string Health = "health";
    public const string Crime = "crime";
    public const string Barriers = "barriers";
    public const string LivingEnvironment = "living-environment";
    public const string Idaci = "idaci";
    public const string Idaopi = "idaopi";

    /// <summary>Every index, overall first, then the seven domains, then the two supplementary indices.</summary>
    public static readonly IReadOnlyList<string> All =
        [Imd, Income, Employment, Education, Health, Crime, Barriers, LivingEnvironment, Idaci, Idaopi];
}
