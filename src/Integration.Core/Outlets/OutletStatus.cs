namespace Integration.Core.Outlets;

/// <summary>Where an outlet stands on a day: open, closed for good, or opening later.</summary>
public enum OutletStatus
{
    Open,
    Closed,
    NotYetOpen,
}
