using PartnerPlatform.Sdk.Inventory;
using PartnerPlatform.Sdk.Orders;
using PartnerPlatform.Sdk.RequestLog;
using PartnerPlatform.Sdk.Sandbox;
using PartnerPlatform.Sdk.Settlement;
using PartnerPlatform.Sdk.Transfers;
using PartnerPlatform.Sdk.Webhooks;

namespace PartnerPlatform.Sdk;

/// <summary>
/// The Partner Integration Platform, API v2, by resource. <see cref="PartnerClient"/> implements it;
/// take this interface in your code and substitute it (or one service's interface) in your unit tests.
/// </summary>
public interface IPartnerClient
{
    /// <summary>Place, read, list and cancel orders.</summary>
    IOrderService Orders { get; }

    /// <summary>The brand's catalog.</summary>
    IProductService Products { get; }

    /// <summary>Your event log.</summary>
    IEventService Events { get; }

    /// <summary>Webhook subscriptions and their delivery logs.</summary>
    IWebhookService Webhooks { get; }

    /// <summary>Your partner profile.</summary>
    IPartnerService Partner { get; }

    /// <summary>Locations, stock levels, adjustments, the change feed and shared availability.</summary>
    IInventoryService Inventory { get; }

    /// <summary>Stock transfers between partners.</summary>
    ITransferService Transfers { get; }

    /// <summary>Monthly statements, the orders behind them, CSV exports.</summary>
    ISettlementService Settlements { get; }

    /// <summary>Disputes of orders and statement lines.</summary>
    IDisputeService Disputes { get; }

    /// <summary>Your sandbox's clock, snapshots, simulators and actions (sandbox credentials only).</summary>
    ISandboxService Sandbox { get; }

    /// <summary>Every call your credentials made in the last 30 days: status, latency, request id, problem code.</summary>
    IRequestLogService RequestLog { get; }
}
