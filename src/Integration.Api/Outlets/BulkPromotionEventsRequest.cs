using System.ComponentModel.DataAnnotations;
using Integration.Application.Outlets;
using Integration.Core.Common;

namespace Integration.Api.Outlets;

/// <summary>Up to 500 promotional events (v1: costs as numbers). An event outside the documented bounds (an empty name, 51 outlets)
/// refuses the whole request with 400 naming it; a well-formed event the rules refuse is reported beside the others.</summary>
public sealed record BulkPromotionEventsRequest
{
    [MinLength(1)]
    [MaxLength(ContractLimits.PromotionEventRows)]
    public required IReadOnlyList<CreatePromotionEventRequest> Events { get; init; }
}
