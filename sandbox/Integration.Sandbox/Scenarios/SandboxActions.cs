using Integration.Core.Common;
using Integration.Core.Orders;
using Integration.Core.Sandbox;

namespace Integration.Sandbox.Scenarios;

/// <summary>Sandbox scenario rules shared by the actions and the clock.</summary>
public static class SandboxActions
{
    public static bool PrepaymentFails(Order order) =>
        order.Reference.StartsWith(SandboxScenarios.FailPaymentReferencePrefix, StringComparison.Ordinal);

    /// <summary>Scenario failed_prepayment: recording the prepayment of such an order is refused and it stays awaiting_payment.</summary>
    public static void EnsurePrepaymentArrives(Order order)
    {
        if (PrepaymentFails(order))
        {
            throw new DomainException(ErrorKind.Unprocessable, "prepayment_failed",
                $"Scenario failed_prepayment: the prepayment for '{order.Reference}' failed; the order stays awaiting_payment.");
        }
    }
}
