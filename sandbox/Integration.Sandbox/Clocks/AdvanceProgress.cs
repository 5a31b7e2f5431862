namespace Integration.Sandbox.Clocks;

/// <summary>How far an advance has got: order steps done so far, and orders held back.</summary>
/// <param name="OrderStepsDone">Order moves made (confirm, ship, deliver each count one).</param>
/// <param name="OrdersHeldBack">Orders the schedule could not move on.</param>
public sealed record AdvanceProgress(int OrderStepsDone, int OrdersHeldBack);
