using Integration.Core.Orders;
using Integration.Core.Sandbox;

namespace Integration.Sandbox.Scenarios;

/// <summary>Sandbox scenario rules shared by the actions and the clock.</summary>
public static class SandboxActions
{
    public static bool PrepaymentFails(Order order) =>
        order.Reference.StartsWith(SandboxScenarios.FailPaymentReferencePrefix, StringComparison.Ordinal);
}
