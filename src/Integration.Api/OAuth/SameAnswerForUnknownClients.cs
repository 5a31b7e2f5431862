using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Integration.Api.OAuth;

/// <summary>
/// OpenIddict tells an unknown client id (ID2052) from a wrong secret (ID2055); a caller must not learn
/// which client ids exist, so every <c>invalid_client</c> reads the same. The audit log, written
/// before this, keeps the exact reason.
/// </summary>
public sealed class SameAnswerForUnknownClients : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    public const string Description = "The client authentication failed: unknown client, wrong or expired secret, or revoked credential.";

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseSingletonHandler<SameAnswerForUnknownClients>()
            .SetOrder(AuditOrder + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    /// <summary>The order <see cref="CountRefusedTokenRequests"/> runs at (OpenIddict's default for a handler).</summary>
    private const int AuditOrder = 0;

    public ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        if (context.Response.Error == Errors.InvalidClient)
        {
            context.Response.ErrorDescription = Description;
            context.Response.ErrorUri = null;
        }
        return ValueTask.CompletedTask;
    }
}
