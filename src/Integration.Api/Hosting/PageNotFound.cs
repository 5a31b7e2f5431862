namespace Integration.Api.Hosting;

/// <summary>A page of the docs that does not exist (an unknown error code or guide): a 404 problem saying where the list is.</summary>
public sealed class PageNotFound(string detail) : IResult
{
    public Task ExecuteAsync(HttpContext context) =>
        Problems.WriteAsync(context, StatusCodes.Status404NotFound, "resource_not_found", detail);
}
