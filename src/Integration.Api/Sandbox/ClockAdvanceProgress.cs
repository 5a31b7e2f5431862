namespace Integration.Api.Sandbox;

/// <summary>How far a clock advance has got.</summary>
/// <param name="OrderStepsDone">Order moves made so far (confirm, ship and deliver each count one).</param>
/// <param name="OrderStepsExpected">Order moves due before the target when the advance began; held-back orders make the final count lower.</param>
/// <param name="OrdersHeldBack">Orders the schedule could not move on (a scenario, or a simulator in failure mode).</param>
public sealed record ClockAdvanceProgress(int OrderStepsDone, int OrderStepsExpected, int OrdersHeldBack);
