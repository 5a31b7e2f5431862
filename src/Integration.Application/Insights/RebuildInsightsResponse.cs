using System.ComponentModel.DataAnnotations;
using Integration.Core.Common;

namespace Integration.Application.Insights;

/// <summary>What a rebuild of the sales aggregates replayed: the partner (null for all) and how many delivered orders.</summary>
public sealed record RebuildInsightsResponse([property: StringLength(ContractLimits.Id)] string? PartnerId, int OrdersReplayed);
