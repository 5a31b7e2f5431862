namespace Integration.Application.Partners;

/// <summary>Configuration section <c>Partners:Exits</c>.</summary>
public sealed class PartnerExitOptions
{
    /// <summary>Whether this instance looks for ended exit buffers by itself (tests run it by hand).</summary>
    public bool RunInBackground { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
