using Integration.Application.OAuth;
using Integration.Application.Orders;
using Integration.Core.Common;
using Integration.Core.Orders;
using Integration.Core.Sandbox;
using Integration.Sandbox.Simulators;
using Integration.Sandbox.Worlds;

namespace Integration.Sandbox.Scenarios;

/// <summary>
/// Runs a published scenario's trigger for a partner, through the services the sandbox's API calls: places the order
/// a scenario names and takes the step it refuses, or switches a simulator's mode. What happened is told step by step.
/// Disputes are opened by the partner as in live (the level follows the amount), so their scenarios are not run here.
/// </summary>
public sealed class SandboxScenarioRunner(OrderBook orders, SandboxWorlds worlds)
{
    public static readonly IReadOnlyList<string> Runnable = ["out_of_stock", "failed_prepayment", "bank_gateway_modes", "carrier_modes"];

    /// <summary>Runs the scenario; <paramref name="mode"/> is the mode for a simulator's scenario. Returns what it did, in order.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(Caller caller, string scenario, SimulatorMode? mode, CancellationToken cancellationToken) => scenario switch
    {
        "out_of_stock" => await RefusedStepAsync(caller, $"SBX-OOS-{Suffix()}", SandboxScenarios.OutOfStockSku, OrderStatus.Pending, null, cancellationToken),
        "failed_prepayment" => await RefusedStepAsync(caller, $"{SandboxScenarios.FailPaymentReferencePrefix}-{Suffix()}", "SBX-CAP-NAVY",
            OrderStatus.AwaitingPayment, SandboxActions.EnsurePrepaymentArrives, cancellationToken),
        "bank_gateway_modes" => await SwitchAsync(caller, SandboxSimulators.BankGateway, mode, cancellationToken),
        "carrier_modes" => await SwitchAsync(caller, SandboxSimulators.Carrier, mode, cancellationToken),
        _ => throw DomainException.Invalid("scenario", $"One of: {string.Join(", ", Runnable)}."),
    };

    private static string Suffix() => Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    /// <summary>Places a one-line order and confirms it as the brand does in the sandbox (the actions' rules): the scenario refuses the step.</summary>
    private async Task<IReadOnlyList<string>> RefusedStepAsync(
        Caller caller, string reference, string sku, OrderStatus from, Action<Order>? beforeSave, CancellationToken cancellationToken)
    {
        var order = await orders.PlaceAsync(caller, new CreateOrderRequest { Reference = reference, Lines = [new OrderLineRequest { Sku = sku, Quantity = 1 }] },
            cancellationToken);
        var done = new List<string> { $"Placed order {order.Id} ({order.Reference}, 1 × {sku}): {SnakeCase.Of(order.Status)}." };
        if (order.Status != from)
        {
            done.Add($"Your tier does not prepay, so the order is {SnakeCase.Of(order.Status)} and this scenario does not apply.");
            return done;
        }
        try
        {
            var moved = await orders.MoveByBrandAsync(order.Id, from, OrderStatus.Confirmed, $"sandbox:{caller.ClientId}", beforeSave, null, cancellationToken);
            done.Add($"Confirming it went through: {SnakeCase.Of(moved.Status)}.");
        }
        catch (DomainException refused) when (refused.Kind is ErrorKind.Conflict or ErrorKind.Unprocessable)
        {
            done.Add($"Confirming it was refused with {ErrorStatus.Of(refused.Kind)} {refused.Code}: {refused.Message}");
            done.Add($"The order stays {SnakeCase.Of(from)}.");
        }
        return done;
    }

    private async Task<IReadOnlyList<string>> SwitchAsync(Caller caller, string simulator, SimulatorMode? mode, CancellationToken cancellationToken)
    {
        if (mode is not { } chosen || !SandboxSimulators.ModesOf(simulator).Contains(chosen))
        {
            throw DomainException.Invalid("mode", $"The {simulator} simulator's modes: {string.Join(", ", SandboxSimulators.ModesOf(simulator).Select(SnakeCase.Of))}.");
        }
        await worlds.SetModeAsync(caller.PartnerId!, simulator, chosen, cancellationToken);
        return [$"The {simulator} simulator answers your sandbox in mode {SnakeCase.Of(chosen)} from now on; its calls are listed below."];
    }
}
