namespace Integration.Api.Hosting;

/// <summary>
/// A query value with U+0000 in it is refused with a 400 before anything uses it: PostgreSQL cannot take the
/// character in text (a filter such as <c>?regionCode=CN%00</c> was a 500 there). Bodies: <see cref="NulCharactersRefused"/>.
/// </summary>
public sealed class QueryWithoutNul(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Query.FirstOrDefault(q => q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)) is { Key: { } name })
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "bad_request",
                $"The query parameter '{name}' contains the NUL character (U+0000).", new Dictionary<string, string[]> { [name] = ["The value must not contain the NUL character (U+0000)."] });
            return;
        }
        await next(context);
    }
}
