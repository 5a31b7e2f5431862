using Integration.Application.Hosting;
using Integration.Core.Common;
using Integration.Core.Disputes;

namespace Integration.Application.Disputes;

/// <summary>A level-3 resolution proposed by one risk person, waiting for a different one to approve it.</summary>
public sealed record ResolutionProposalResponse(
    string DisputeId, DisputeStatus Outcome, MoneyAmount? Adjustment, string Note, string ProposedBy, DateTimeOffset ProposedAt)
{
    public static ResolutionProposalResponse? Of(Dispute d) =>
        d is { Status: DisputeStatus.Open, ProposedOutcome: { } outcome, ProposedNote: { } note, ProposedBy: { } by, ProposedAt: { } at }
            ? new(d.Id, outcome, d.ProposedAdjustment is { } a ? MoneyAmount.Of(a, d.Currency) : null, note, by, at)
            : null;
}
