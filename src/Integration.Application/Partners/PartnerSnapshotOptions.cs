namespace Integration.Application.Partners;

public sealed class PartnerSnapshotOptions
{
    /// <summary>How old a partner record read on a partner request may be. Writes always read the database.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(5);
}
