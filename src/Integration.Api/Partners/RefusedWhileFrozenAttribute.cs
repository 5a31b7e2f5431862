using Integration.Api.OAuth;
using Integration.Application.OAuth;
using Integration.Application.Partners;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Integration.Api.Partners;

/// <summary>The action changes business state, so a frozen account is refused (403 <c>account_frozen</c>) before it runs.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RefusedWhileFrozenAttribute() : TypeFilterAttribute(typeof(RefusedWhileFrozenFilter))
{
    private sealed class RefusedWhileFrozenFilter(AccountStanding standing) : IAsyncActionFilter
    {
        public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
        {
            if (context.HttpContext.GetCaller() is { PartnerId: { } partnerId, Environment: { } environment })
            {
                await standing.EnsureMayTradeAsync(partnerId, environment, context.HttpContext.RequestAborted);
            }
            await next();
        }
    }
}
