namespace Integration.Application.Outlets;

/// <summary>What became of one row of a bulk call.</summary>
public enum BulkRowStatus
{
    Accepted,
    Rejected,
}
