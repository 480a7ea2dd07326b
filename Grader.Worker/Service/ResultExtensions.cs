namespace Grader.Worker.Service;

/// <summary>Adds a Location header to a result.</summary>
public static class ResultExtensions
{
    /// <summary>The result with a Location header.</summary>
    public static IResult WithLocation(this IResult result, string location) => new LocatedResult(result, location);

    private sealed class LocatedResult(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
