namespace Integration.Core.Insights;

/// <summary>
/// A promotional event that ended in the period: what was delivered at its outlets from its start to its end (both
/// days included), its cost, and its ROI = (sales − cost) / cost, null when it cost nothing.
/// </summary>
public sealed record EventReturn(
    string EventId, string Name, DateOnly Start, DateOnly End, bool EndedOnTime, decimal Sales, decimal Cost, decimal? Roi);
