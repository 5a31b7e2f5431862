using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Application.Paging;
using Integration.Core.Common;
using Integration.Data;
using Integration.Sandbox.Simulators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Integration.Sandbox.Clocks;
using Integration.Sandbox.Hosting;
using Integration.Sandbox.Worlds;

namespace Integration.Api.Sandbox;

/// <summary>Controls of your sandbox that live does not have: reset, snapshots, the clock and the simulators (docs/sandbox.md).</summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/sandbox")]
[Tags("Sandbox")]
[PartnerAccess]
[SandboxOnly]
public sealed class SandboxController(
    SandboxWorlds worlds, SandboxTimeMachine timeMachine, ClockAdvances advances, SimulatorCallLog callLog, IntegrationDbContext db, TimeProvider platform, IOptions<SandboxOptions> options)
    : ControllerBase
{
    private string PartnerId => HttpContext.RequirePartnerCaller().PartnerId!;

    /// <summary>Your sandbox: clock, simulator modes, seeded peers, and when it may be purged if unused.</summary>
    [HttpGet(Name = "GetSandbox")]
    public async Task<SandboxResponse> Get(CancellationToken cancellationToken) => await Describe(await worlds.EnsureAsync(PartnerId, cancellationToken), cancellationToken);

    /// <summary>Restores the seed: catalogue, stock, peers' stock, orders, statement history; the clock returns to now and simulators to healthy.</summary>
    [HttpPost("reset", Name = "ResetSandbox")]
    [ProblemResponses(409)]
    public async Task<SandboxResponse> Reset(CancellationToken cancellationToken) => await Describe(await worlds.ResetAsync(PartnerId, cancellationToken), cancellationToken);

    /// <summary>Your sandbox clock.</summary>
    [HttpGet("clock", Name = "GetSandboxClock")]
    [ReadableWhileAdvancing]
    public async Task<ClockResponse> Clock(CancellationToken cancellationToken) =>
        ClockResponse.Of(await worlds.EnsureAsync(PartnerId, cancellationToken), platform.UtcNow());

    /// <summary>
    /// Moves your sandbox clock forward and runs what falls due meanwhile, in order: orders move on
    /// (schedule in docs/sandbox.md), transfer requests expire, months close into statements, payouts go
    /// to the simulated bank gateway. Dispute SLAs are judged against the new time. An advance with more
    /// order steps due than the sandbox's threshold (1,000 by default) answers 202 with the advance to poll
    /// (<c>Location</c>); until it is ready, your sandbox's other requests get 409 <c>clock_advancing</c>.
    /// </summary>
    [HttpPost("clock/advance", Name = "AdvanceSandboxClock")]
    [ProblemResponses(409, 422)]
    [ProducesResponseType<AdvanceClockResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ClockAdvanceResponse>(StatusCodes.Status202Accepted)]
    public async Task<IActionResult> Advance(AdvanceClockRequest request, CancellationToken cancellationToken)
    {
        if (await advances.BeginIfLargeAsync(PartnerId, request.ParseBy(), request.To, cancellationToken) is { } advance)
        {
            return Accepted(Url.Link("GetSandboxClockAdvance", new { id = advance.Id, version = RouteData.Values["version"] }),
                await DescribeAsync(advance, cancellationToken));
        }
        var outcome = await timeMachine.AdvanceAsync(PartnerId, request.ParseBy(), request.To, cancellationToken);
        return Ok(new AdvanceClockResponse(await ClockNowAsync(cancellationToken), outcome));
    }

    /// <summary>A clock advance that runs in the background: its status, progress and, when ready, what it ran. Another partner's is 404.</summary>
    [HttpGet("clock/advances/{id}", Name = "GetSandboxClockAdvance")]
    [ReadableWhileAdvancing]
    [ProblemResponses(404)]
    public async Task<ClockAdvanceResponse> ClockAdvance(string id, CancellationToken cancellationToken) =>
        await DescribeAsync(await advances.FindAsync(PartnerId, id, cancellationToken), cancellationToken);

    private async Task<ClockAdvanceResponse> DescribeAsync(Core.Sandbox.ClockAdvance advance, CancellationToken cancellationToken) =>
        ClockAdvanceResponse.Of(advance, await ClockNowAsync(cancellationToken), HttpContext);

    private async Task<ClockResponse> ClockNowAsync(CancellationToken cancellationToken) =>
        ClockResponse.Of((await worlds.FindAsync(PartnerId, cancellationToken))!, platform.UtcNow());

    /// <summary>Your snapshots, newest first.</summary>
    [HttpGet("snapshots", Name = "ListSandboxSnapshots")]
    public async Task<Page<SnapshotResponse>> Snapshots([FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await worlds.SnapshotsAsync(PartnerId, page, cancellationToken)).ToPage(page, HttpContext, SandboxWorlds.CursorOf, SnapshotResponse.Of);

    /// <summary>Saves the current state of your sandbox (at most 20 kept).</summary>
    [HttpPost("snapshots", Name = "CreateSandboxSnapshot")]
    [ProblemResponses(409)]
    [ProducesResponseType<SnapshotResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Snapshot(CreateSnapshotRequest? request, CancellationToken cancellationToken)
    {
        var snapshot = await worlds.SnapshotAsync(PartnerId, request?.Name, cancellationToken);
        return Created(Url.Link("ListSandboxSnapshots", new { version = RouteData.Values["version"] }) + $"/{snapshot.Id}", SnapshotResponse.Of(snapshot));
    }

    /// <summary>Returns your sandbox to a snapshot: its data and its clock. Another partner's snapshot is 404.</summary>
    [HttpPost("snapshots/{id}/restore", Name = "RestoreSandboxSnapshot")]
    [ProblemResponses(404, 409)]
    public async Task<SandboxResponse> Restore(string id, CancellationToken cancellationToken) =>
        await Describe(await worlds.RestoreAsync(PartnerId, id, cancellationToken), cancellationToken);

    /// <summary>Deletes one of your snapshots.</summary>
    [HttpDelete("snapshots/{id}", Name = "DeleteSandboxSnapshot")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProblemResponses(404)]
    public async Task<IActionResult> DeleteSnapshot(string id, CancellationToken cancellationToken)
    {
        await worlds.DeleteSnapshotAsync(PartnerId, id, cancellationToken);
        return NoContent();
    }

    /// <summary>A simulator (<c>bank-gateway</c> or <c>carrier</c>) and its mode in your sandbox.</summary>
    [HttpGet("simulators/{name}", Name = "GetSandboxSimulator")]
    [ProblemResponses(404)]
    public async Task<SimulatorResponse> Simulator(string name, CancellationToken cancellationToken)
    {
        var world = await worlds.EnsureAsync(PartnerId, cancellationToken);
        return SimulatorResponse.Of(Known(name), name == SandboxSimulators.Carrier ? world.CarrierMode : world.BankGatewayMode);
    }

    /// <summary>Switches a simulator into a mode for your sandbox only: bank-gateway <c>healthy | slow | failing | duplicate_reports</c>, carrier <c>healthy | failing</c>.</summary>
    [HttpPost("simulators/{name}/mode", Name = "SetSandboxSimulatorMode")]
    [ProblemResponses(404, 422)]
    public async Task<SimulatorResponse> SetMode(string name, SetSimulatorModeRequest request, CancellationToken cancellationToken)
    {
        Known(name);
        if (!SandboxSimulators.ModesOf(name).Contains(request.Mode))
        {
            throw new DomainException(ErrorKind.Unprocessable, "unsupported_simulator_mode",
                $"The {name} simulator has no mode '{SnakeCase.Of(request.Mode)}'.",
                new Dictionary<string, string[]> { ["mode"] = [$"One of: {string.Join(", ", SandboxSimulators.ModesOf(name).Select(SnakeCase.Of))}."] });
        }
        var world = await worlds.SetModeAsync(PartnerId, name, request.Mode, cancellationToken);
        return SimulatorResponse.Of(name, name == SandboxSimulators.Carrier ? world.CarrierMode : world.BankGatewayMode);
    }

    /// <summary>The calls your sandbox made to a simulator, oldest first; kept until the sandbox is reset or purged, at most 30 days.</summary>
    [HttpGet("simulators/{name}/requests", Name = "ListSandboxSimulatorRequests")]
    [ProblemResponses(404)]
    public async Task<Page<SimulatorRequestResponse>> Requests(string name, [FromQuery] PageQuery page, CancellationToken cancellationToken)
    {
        var simulator = Known(name);
        (DateTimeOffset, string)? after = page.Cursor is null ? null : Cursor.DecodeTimestampAndId(page.Cursor);
        var calls = await callLog.PageAsync(db, PartnerId, simulator, after, page.Limit + 1, cancellationToken);
        return calls.ToPage(page, HttpContext, c => Cursor.Encode(c.At, c.Id), SimulatorRequestResponse.Of);
    }

    private static string Known(string name) =>
        SandboxSimulators.Names.Contains(name) ? name : throw DomainException.NotFound("simulator", name);

    private async Task<SandboxResponse> Describe(Core.Sandbox.SandboxWorld world, CancellationToken cancellationToken) =>
        SandboxResponse.Of(world, (await worlds.PartnersOfAsync(world.PartnerId, cancellationToken)).Skip(1).ToList(), platform.UtcNow(), options.Value.PurgeUnusedAfter);
}
