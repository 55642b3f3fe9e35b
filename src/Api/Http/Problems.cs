namespace DistrictMap.Api.Http;

/// <summary>RFC 9457 problem details whose detail says what was wrong and what is allowed.</summary>
public static class Problems
{
    public static IResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult NotAcceptable(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status406NotAcceptable, title: "Not acceptable");
}

public static class ProblemHandling
{
    /// <summary>
    /// Gives every problem details response a detail: those written by the framework itself (no endpoint at the
    /// path, a method the path does not allow, a malformed request) have none of their own.
    /// </summary>
    public static void AddDetail(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!string.IsNullOrEmpty(problem.Detail))
        {
            return;
        }

        var request = context.HttpContext.Request;
        var path = Text.Shorten(request.Path.Value ?? "/", 120);
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status404NotFound => $"There is nothing at {path}. The API's paths are listed at /openapi/v1.json and /docs.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {path}; the allowed methods are in the Allow header and at /docs.",
            StatusCodes.Status401Unauthorized => "This request needs an API key: send it as Authorization: Bearer <key>.",
            StatusCodes.Status403Forbidden => "This API key may not make this request.",
            StatusCodes.Status413PayloadTooLarge => "The request body is larger than this server accepts.",
            StatusCodes.Status415UnsupportedMediaType => $"The body's media type ({request.ContentType ?? "none"}) is not one this request accepts.",
            _ => problem.Title ?? "The request could not be served.",
        };
    }

    /// <summary>
    /// Turns a <see cref="ProblemException"/> thrown while handling a request into problem details with its
    /// status; a <see cref="ValidationProblemException"/> also lists its errors per field or row.
    /// </summary>
    public static TBuilder WithProblemHandling<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            if (ControlCharacter(context.HttpContext.Request) is { } refusal)
            {
                return Problems.BadRequest(refusal);
            }

            try
            {
                return await next(context);
            }
            catch (ValidationProblemException e)
            {
                return TypedResults.ValidationProblem(e.Errors, detail: e.Message, title: "Invalid request");
            }
            catch (ProblemException e)
            {
                return TypedResults.Problem(detail: e.Message, statusCode: e.Status);
            }
        });
        return builder;
    }

    /// <summary>
    /// Names the first query or path value holding a control character (NUL and the like), which no
    /// parameter accepts and PostgreSQL cannot store; null when there is none.
    /// </summary>
    private static string? ControlCharacter(HttpRequest request)
    {
        foreach (var (name, values) in request.Query)
        {
            if (values.Select(Text.ForbiddenControl).FirstOrDefault(c => c is not null) is { } c)
            {
                return $"Query parameter '{Text.Shorten(name)}' contains the control character {Text.Describe(c)}: remove it.";
            }
        }

        foreach (var (name, value) in request.RouteValues)
        {
            if (Text.ForbiddenControl(value as string) is { } c)
            {
                return $"The path segment {name} contains the control character {Text.Describe(c)}: remove it.";
            }
        }

        return null;
    }
}

/// <summary>A request cannot be served; the message becomes the problem details' detail.</summary>
public abstract class ProblemException(string message) : Exception(message)
{
    public abstract int Status { get; }
}

/// <summary>A request parameter was wrong: 400.</summary>
public sealed class BadRequestException(string message) : ProblemException(message)
{
    public override int Status => StatusCodes.Status400BadRequest;
}

/// <summary>Something a request names does not exist: 404.</summary>
public sealed class ResourceNotFoundException(string message) : ProblemException(message)
{
    public override int Status => StatusCodes.Status404NotFound;
}

/// <summary>A body has invalid fields or rows: 400 listing every one.</summary>
public sealed class ValidationProblemException(IDictionary<string, string[]> errors)
    : ProblemException($"{errors.Count} problem(s), nothing was written: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}")
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public override int Status => StatusCodes.Status400BadRequest;
}

/// <summary>A request body is larger than the endpoint accepts: 413.</summary>
public sealed class PayloadTooLargeException(string message) : ProblemException(message)
{
    public override int Status => StatusCodes.Status413PayloadTooLarge;
}
