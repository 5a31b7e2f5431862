using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using System.Xml;
using Integration.Api.Hosting;
using Integration.Application.Hosting;
using Integration.Core.Common;
using Integration.Core.Sandbox;
using Integration.Sandbox.Simulators;
using Integration.Sandbox.Clocks;

namespace Integration.Api.Sandbox;

/// <summary>Your sandbox: its clock, its simulators and its seeded peers.</summary>
/// <param name="ClockNow">The sandbox clock's time (UTC): what every time-based rule of your sandbox reads.</param>
/// <param name="ClockOffset">How far the sandbox clock runs ahead of real time, as an ISO 8601 duration (<c>PT0S</c> after a reset).</param>
/// <param name="Simulators">The simulated outside systems and the mode each is in for your sandbox.</param>
/// <param name="PeerPartnerIds">The two peer partners seeded next to you; they share their warehouses' stock with you.</param>
/// <param name="SeededAt">When the sandbox was last seeded (created or reset), real time.</param>
/// <param name="LastUsedAt">When a sandbox request last used it (to the hour), real time.</param>
/// <param name="PurgeableAfter">If unused until then, the sandbox may be purged (seeded afresh on its next use).</param>
public sealed record SandboxResponse(
    DateTimeOffset ClockNow, string ClockOffset, IReadOnlyList<SimulatorResponse> Simulators, IReadOnlyList<string> PeerPartnerIds,
    DateTimeOffset SeededAt, DateTimeOffset LastUsedAt, DateTimeOffset PurgeableAfter)
{
    public static SandboxResponse Of(SandboxWorld world, IReadOnlyList<string> peers, DateTimeOffset platformNow, TimeSpan purgeAfter) => new(
        platformNow + world.ClockOffset, XmlConvert.ToString(world.ClockOffset),
        [SimulatorResponse.Of(SandboxSimulators.BankGateway, world.BankGatewayMode), SimulatorResponse.Of(SandboxSimulators.Carrier, world.CarrierMode)],
        peers, world.SeededAt, world.LastUsedAt, world.LastUsedAt + purgeAfter);
}

/// <summary>The sandbox clock: <c>now</c> is what every time-based rule of your sandbox reads.</summary>
/// <param name="Now">The sandbox clock's time (UTC).</param>
/// <param name="PlatformNow">Real time (UTC), for comparison.</param>
/// <param name="Offset">How far the sandbox clock runs ahead of real time, as an ISO 8601 duration.</param>
public sealed record ClockResponse(DateTimeOffset Now, DateTimeOffset PlatformNow, string Offset)
{
    public static ClockResponse Of(SandboxWorld world, DateTimeOffset platformNow) =>
        new(platformNow + world.ClockOffset, platformNow, XmlConvert.ToString(world.ClockOffset));
}

/// <summary>Give exactly one of <c>by</c> or <c>to</c>.</summary>
public sealed partial record AdvanceClockRequest : IValidatableObject
{
    /// <summary>An ISO 8601 duration in weeks, days, hours, minutes and seconds: <c>P35D</c>, <c>PT36H</c>, <c>P1W2DT3H</c>. Months and years are refused (their length varies); at most P731D.</summary>
    [StringLength(ContractLimits.Duration)]
    public string? By { get; init; }

    /// <summary>The time to move the clock to (after its current time, at most 2 years ahead of it).</summary>
    public DateTimeOffset? To { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((By is null) == (To is null))
        {
            yield return new ValidationResult("Give exactly one of 'by' (a duration such as P35D) or 'to' (a time).", ["by", "to"]);
        }
        else if (By is not null && ParseBy() is null)
        {
            yield return new ValidationResult("by must be a positive ISO 8601 duration in weeks, days, hours, minutes or seconds, such as P35D or PT12H.", ["by"]);
        }
    }

    /// <summary>The duration in <see cref="By"/>, or null when it is not one this API accepts.</summary>
    public TimeSpan? ParseBy()
    {
        if (By is null || DurationShape().Match(By) is not { Success: true } match)
        {
            return null;
        }
        long Part(string name) => match.Groups[name].Success ? long.Parse(match.Groups[name].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var seconds = (((Part("w") * 7 + Part("d")) * 24 + Part("h")) * 60 + Part("m")) * 60 + Part("s");
        return seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
    }

    [GeneratedRegex(@"^P(?=\d|T\d)(?:(?<w>\d{1,5})W)?(?:(?<d>\d{1,6})D)?(?:T(?=\d)(?:(?<h>\d{1,7})H)?(?:(?<m>\d{1,9})M)?(?:(?<s>\d{1,10})S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationShape();
}

/// <summary>The clock after an advance, and what ran meanwhile.</summary>
/// <param name="Clock">The sandbox clock now.</param>
/// <param name="Ran">What fell due between the old and the new time and was run, in time order.</param>
public sealed record AdvanceClockResponse(ClockResponse Clock, AdvanceOutcome Ran);

/// <summary>Saves your sandbox's current state.</summary>
public sealed record CreateSnapshotRequest
{
    /// <summary>Your label for the snapshot.</summary>
    [StringLength(100, MinimumLength = 1)]
    public string? Name { get; init; }
}

/// <summary>A saved state of your sandbox; restoring it also returns the clock to this snapshot's offset.</summary>
/// <param name="Id">The snapshot's id (<c>snap_…</c>).</param>
/// <param name="Name">Your label for it; null if you gave none.</param>
/// <param name="CreatedAt">When it was taken, real time (UTC).</param>
/// <param name="ClockAt">The sandbox clock when the snapshot was taken.</param>
/// <param name="ClockOffset">The clock's offset then; restoring sets it again (ISO 8601 duration).</param>
public sealed record SnapshotResponse(string Id, string? Name, DateTimeOffset CreatedAt, DateTimeOffset ClockAt, string ClockOffset)
{
    public static SnapshotResponse Of(SandboxSnapshot s) => new(s.Id, s.Name, s.CreatedAt, s.ClockAt, XmlConvert.ToString(s.ClockOffset));
}

/// <summary>A simulated outside system and the mode your sandbox uses.</summary>
/// <param name="Name">The simulator: <c>bank-gateway</c> or <c>carrier</c>.</param>
/// <param name="Mode">The mode it answers your sandbox in.</param>
/// <param name="Modes">The modes this simulator has (<c>healthy</c>, <c>slow</c>, <c>failing</c>, <c>duplicate_reports</c>; the carrier only the first and third).</param>
public sealed record SimulatorResponse(string Name, SimulatorMode Mode, IReadOnlyList<string> Modes)
{
    public static SimulatorResponse Of(string name, SimulatorMode mode) => new(name, mode, SandboxSimulators.ModesOf(name).Select(SnakeCase.Of).ToList());
}

/// <summary>The mode to switch a simulator into, for your sandbox only.</summary>
public sealed record SetSimulatorModeRequest
{
    public required SimulatorMode Mode { get; init; }
}

/// <summary>One call your sandbox made to a simulator.</summary>
/// <param name="Id">The call's id in the simulator's log.</param>
/// <param name="At">When the platform sent it, real time (UTC).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path on the simulator (<c>/bank-gateway/payouts</c>, <c>/carrier/tracking/…</c>).</param>
/// <param name="Mode">The mode the simulator answered in.</param>
/// <param name="Status">The HTTP status the simulator answered; 0 when no answer arrived in time.</param>
/// <param name="RequestBody">What the platform sent, as text; null for none.</param>
/// <param name="ResponseBody">What the simulator answered, as text.</param>
public sealed record SimulatorRequestResponse(string Id, DateTimeOffset At, string Method, string Path, string? Mode, int Status, string? RequestBody, string? ResponseBody)
{
    public static SimulatorRequestResponse Of(Core.Sandbox.SimulatorCall c) => new(c.Id, c.At, c.Method, c.Path, c.Mode, c.Status, c.RequestBody, c.ResponseBody);
}

/// <summary>Shipping in the sandbox: both fields are optional and default to the simulated carrier.</summary>
public sealed record SandboxShipRequest
{
    [Identifier]
    [StringLength(ContractLimits.Carrier, MinimumLength = 1)]
    public string? Carrier { get; init; }

    [Identifier]
    [StringLength(ContractLimits.TrackingNumber, MinimumLength = 1)]
    public string? TrackingNumber { get; init; }
}

/// <summary>An approved marketing activity to record in your sandbox.</summary>
public sealed record SandboxSubsidyRequest
{
    /// <summary>The activity, e.g. a store opening.</summary>
    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public required string EventName { get; init; }

    /// <summary>The activity's approved cost; the subsidy is 50% of it, at most 50,000.</summary>
    [Range(typeof(decimal), "0.01", "1000000000", ErrorMessage = "cost must be above 0 and at most 1,000,000,000.")]
    public required decimal Cost { get; init; }
}

/// <summary>An approved marketing activity to record in your sandbox, its cost given as a decimal string.</summary>
public sealed record SandboxSubsidyRequestV2
{
    /// <summary>The activity, e.g. a store opening.</summary>
    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public required string EventName { get; init; }

    /// <summary>The activity's approved cost; the subsidy is 50% of it, at most 50,000.</summary>
    [DecimalString(ContractLimits.ActivityCost)]
    public required decimal Cost { get; init; }
}

/// <summary>Your payment of a statement's amount due, given as a decimal string.</summary>
public sealed record SandboxPaymentRequestV2
{
    /// <summary>What you paid: above 0, at most what is still due.</summary>
    [DecimalString(ContractLimits.Amount)]
    public required decimal Amount { get; init; }
}
