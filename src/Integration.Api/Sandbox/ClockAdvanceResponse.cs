using Integration.Api.Hosting;
using Integration.Core.Sandbox;
using Integration.Sandbox.Clocks;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Sandbox;

/// <summary>A clock advance running in the background: poll it until <c>ready</c> (or <c>failed</c>).</summary>
/// <param name="Id">The advance's id (<c>advance_…</c>).</param>
/// <param name="Status"><c>advancing</c> while what fell due runs (your sandbox's other requests get 409 <c>clock_advancing</c>), then <c>ready</c> or <c>failed</c>.</param>
/// <param name="From">The sandbox clock before the advance.</param>
/// <param name="To">The sandbox clock after it: the clock is there already while the advance runs.</param>
/// <param name="Progress">How far it has got.</param>
/// <param name="CreatedAt">When you asked for it (real time).</param>
/// <param name="CompletedAt">When it became ready or failed (real time); null while advancing.</param>
/// <param name="Result">When ready: what a synchronous advance answers — the clock now and what ran.</param>
/// <param name="Problem">When failed: why, as a problem (<c>advance_failed</c>, <c>advance_interrupted</c>).</param>
public sealed record ClockAdvanceResponse(
    string Id, ClockAdvanceStatus Status, DateTimeOffset From, DateTimeOffset To, ClockAdvanceProgress Progress,
    DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, AdvanceClockResponse? Result, ProblemDetails? Problem)
{
    public static ClockAdvanceResponse Of(ClockAdvance advance, ClockResponse clock, HttpContext context) => new(
        advance.Id, advance.Status, advance.From, advance.To,
        new ClockAdvanceProgress(advance.OrderStepsDone, advance.OrderStepsExpected, advance.OrdersHeldBack),
        advance.CreatedAt, advance.CompletedAt,
        ClockAdvances.OutcomeOf(advance) is { } outcome ? new AdvanceClockResponse(clock, outcome) : null,
        advance.FailureCode is null ? null : new ProblemDetails
        {
            Type = Problems.TypeOf(context, advance.FailureCode),
            Title = "The clock advance failed",
            Detail = advance.FailureDetail,
            Extensions = { ["code"] = advance.FailureCode },
        });
}
