namespace Integration.Application.Settlement;

/// <summary>Calls <see cref="GatewayCircuit"/> counted within its sampling window, and how many of them failed.</summary>
public sealed record CircuitWindow(int Calls, int Failures);
