namespace Integration.Core.Sandbox;

/// <summary>
/// One call a partner's sandbox made to a simulated outside system, kept in the database so that
/// every instance shows the partner the same log.
/// </summary>
public sealed class SimulatorCall
{
    public const int MaxBodyLength = 8_000;

    public required string Id { get; init; }
    public required string PartnerId { get; init; }

    /// <summary><c>bank-gateway</c> or <c>carrier</c>.</summary>
    public required string Simulator { get; init; }

    public required DateTimeOffset At { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    public string? Mode { get; init; }

    /// <summary>The status the simulator answered; 0 when no answer arrived.</summary>
    public int Status { get; init; }

    public string? RequestBody { get; init; }
    public string? ResponseBody { get; init; }

    public static string? Capped(string? body) => body is { Length: > MaxBodyLength } ? body[..MaxBodyLength] : body;
}
