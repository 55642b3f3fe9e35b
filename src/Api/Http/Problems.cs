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

public static class BadRequestHandling
{
    /// <summary>Turns a <see cref="BadRequestException"/> thrown while reading a request into a 400 problem details response.</summary>
    public static TBuilder WithBadRequestHandling<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (BadRequestException e)
            {
                return Problems.BadRequest(e.Message);
            }
        });
        return builder;
    }
}

/// <summary>A request parameter was wrong; becomes a 400 problem details response.</summary>
public sealed class BadRequestException : Exception
{
    public BadRequestException(string message) : base(message)
    {
    }

    public BadRequestException()
    {
    }

    public BadRequestException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
