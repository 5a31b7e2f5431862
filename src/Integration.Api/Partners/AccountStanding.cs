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
    public Task<bool> IsFrozenByDisputeAsync(string partnerId, ApiEnvironment environment, CancellationToken cancellationToken) =>
        db.Visible<Dispute>().AnyAsync(d => d.PartnerId == partnerId && d.Environment == environment
                                            && d.Status == DisputeStatus.Open && d.Level == 3, cancellationToken);

    public async Task<bool> IsFrozenAsync(string partnerId, ApiEnvironment environment, CancellationToken cancellationToken)
    {
        var status = await db.Partners.Where(p => p.Id == partnerId).Select(p => p.Status).FirstAsync(cancellationToken);
        return status is PartnerStatus.Frozen or PartnerStatus.Terminated || await IsFrozenByDisputeAsync(partnerId, environment, cancellationToken);
    }

    public async Task EnsureMayTradeAsync(string partnerId, ApiEnvironment environment, CancellationToken cancellationToken)
    {
        var status = await db.Partners.Where(p => p.Id == partnerId).Select(p => p.Status).FirstAsync(cancellationToken);
        if (status is PartnerStatus.Frozen or PartnerStatus.Terminated)
        {
            throw Frozen($"The partner account is {SnakeCase.Of(status)}");
        }
        if (await IsFrozenByDisputeAsync(partnerId, environment, cancellationToken))
        {
            throw Frozen("A level-3 dispute is open: the account is frozen until it is resolved");
        }
    }

    public static DomainException Frozen(string why) =>
        new(ErrorKind.Forbidden, "account_frozen", $"{why}: creating orders, changing inventory and payouts are refused; reads keep working.");
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
