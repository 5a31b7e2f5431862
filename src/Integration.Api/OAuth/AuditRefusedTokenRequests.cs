using Integration.Api.Audit;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Integration.Api.OAuth;

/// <summary>Every refused token request that names a client is a credential event, so it goes to the audit log.</summary>
public sealed class AuditRefusedTokenRequests(AuditLog audit) : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    public async ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        var clientId = context.Request?.ClientId;
        if (string.IsNullOrEmpty(context.Response.Error) || string.IsNullOrEmpty(clientId))
        {
            return;
        }
        await audit.RecordAloneAsync(new AuditRecord(
            Actor: clientId,
            Action: "token.refused",
            Target: clientId,
            Outcome: AuditOutcome.Refused,
            Details: new { error = context.Response.Error, description = context.Response.ErrorDescription }));
    }
}
