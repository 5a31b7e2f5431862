using Integration.Core.Common;

namespace Integration.Core.Partners;

/// <summary>
/// domain.md › Partners and › Disputes: whether a partner may trade — place orders, change inventory, receive payouts.
/// A frozen or terminated account may not, nor one with an open level-3 dispute in that environment; reads keep
/// working. An exiting partner may still order until its three-month buffer ends.
/// </summary>
public static class TradingStanding
{
    public const string FrozenByDispute = "A level-3 dispute is open: the account is frozen until it is resolved";

    /// <summary>Why the partner may not trade now, or null when it may.</summary>
    public static string? WhyMayNotTrade(PartnerStatus status, bool openFreezingDispute) =>
        status is PartnerStatus.Frozen or PartnerStatus.Terminated ? $"The partner account is {SnakeCase.Of(status)}"
        : openFreezingDispute ? FrozenByDispute
        : null;

    public static void EnsureMayTrade(PartnerStatus status, bool openFreezingDispute)
    {
        if (WhyMayNotTrade(status, openFreezingDispute) is { } why)
        {
            throw Frozen(why);
        }
    }

    /// <summary>Trading, and for an exiting partner a day within its exit buffer.</summary>
    public static void EnsureMayPlaceOrder(Partner partner, bool openFreezingDispute, DateOnly today)
    {
        EnsureMayTrade(partner.Status, openFreezingDispute);
        if (partner.Status == PartnerStatus.Exiting && today > partner.ExitBufferEndsOn)
        {
            throw new DomainException(ErrorKind.Forbidden, "account_exited",
                $"The partner's exit buffer ended on {partner.ExitBufferEndsOn:yyyy-MM-dd}: new orders are refused.");
        }
    }

    public static DomainException Frozen(string why) =>
        new(ErrorKind.Forbidden, "account_frozen", $"{why}: creating orders, changing inventory and payouts are refused; reads keep working.");
}
