namespace Integration.Sandbox.Clocks;

/// <summary>
/// This instance no longer holds the advance's lease (it stalled, and another instance took the advance over):
/// what it was about to write is rolled back, and the other instance finishes the advance.
/// </summary>
public sealed class ClockAdvanceTakenOver(string advanceId)
    : Exception($"Sandbox clock advance {advanceId} was taken over by another instance.");
