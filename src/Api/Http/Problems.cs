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
    /// Turns a <see cref="ProblemException"/> thrown while handling a request into problem details with its
    /// status; a <see cref="ValidationProblemException"/> also lists its errors per field or row.
    /// </summary>
    public static TBuilder WithProblemHandling<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
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
