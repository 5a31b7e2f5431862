using Integration.Api.OAuth;
using Integration.Core.Common;
using Integration.Core.Disputes;
using Integration.Core.Partners;
using Integration.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Partners;

/// <summary>
/// Whether a partner may trade in an environment: a frozen or terminated partner may not, nor one
/// with an open level-3 dispute there (domain.md › Disputes). Such accounts keep reading; creating
/// orders, changing inventory and receiving payouts are refused.
/// </summary>
public sealed class AccountStanding(IntegrationDbContext db)
{
    public async Task<bool> IsFrozenAsync(string partnerId, ApiEnvironment environment, CancellationToken cancellationToken) =>
        await FrozenBecauseAsync(partnerId, environment, cancellationToken) is not null;

    public async Task EnsureMayTradeAsync(string partnerId, ApiEnvironment environment, CancellationToken cancellationToken)
    {
        if (await FrozenBecauseAsync(partnerId, environment, cancellationToken) is { } why)
        {
            throw Frozen(why);
        }
    }

    public static DomainException Frozen(string why) =>
        new(ErrorKind.Forbidden, "account_frozen", $"{why}: creating orders, changing inventory and payouts are refused; reads keep working.");

    public const string FrozenByDispute = "A level-3 dispute is open: the account is frozen until it is resolved";

    // One round trip (this runs before every stock write): the partner's status and whether an open level-3 dispute freezes it here.
    private async Task<string?> FrozenBecauseAsync(string partnerId, ApiEnvironment environment, CancellationToken cancellationToken)
    {
        var standing = await db.Partners.Where(p => p.Id == partnerId)
            .Select(p => new
            {
                p.Status,
                FrozenByDispute = db.Disputes.IgnoreQueryFilters().Any(d => d.PartnerId == p.Id && d.Environment == environment
                                                                          && d.Status == DisputeStatus.Open && d.Level == 3),
            })
            .FirstAsync(cancellationToken);
        return standing.Status is PartnerStatus.Frozen or PartnerStatus.Terminated ? $"The partner account is {SnakeCase.Of(standing.Status)}"
            : standing.FrozenByDispute ? FrozenByDispute
            : null;
    }
}

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
