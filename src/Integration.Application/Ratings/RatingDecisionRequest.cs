using System.ComponentModel.DataAnnotations;
using Integration.Core.Common;

namespace Integration.Application.Ratings;

/// <summary>Why a rating proposal is accepted (optional) or rejected (required).</summary>
public sealed record RatingDecisionRequest
{
    [StringLength(ContractLimits.RejectionReason)]
    public string? Reason { get; init; }
}
