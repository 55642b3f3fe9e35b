using DistrictMap.Api.Http;

namespace DistrictMap.Api.Plan;

public sealed class PlanForbiddenException(string message) : ProblemException(message)
{
    public override int Status => StatusCodes.Status403Forbidden;
}

public sealed class PreconditionRequiredException(string message) : ProblemException(message)
{
    public override int Status => StatusCodes.Status428PreconditionRequired;
}

public sealed class PreconditionFailedException(string message) : ProblemException(message)
{
    public override int Status => StatusCodes.Status412PreconditionFailed;
}

/// <summary>Collects field errors, then throws them together.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    public void ThrowIfAny()
    {
        if (errors.Count > 0)
        {
            throw new ValidationProblemException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }

    public static string Shorten(string value) => Text.Shorten(value);
}
