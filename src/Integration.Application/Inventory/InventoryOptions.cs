using System.ComponentModel.DataAnnotations;

namespace Integration.Application.Inventory;

/// <summary>The <c>Inventory</c> section: how this instance takes part in applying stock imports.</summary>
public sealed class InventoryOptions
{
    public const string Section = "Inventory";

    /// <summary>Whether this instance applies stock imports (looks for work every second).</summary>
    public bool RunImportsInBackground { get; set; } = true;

    /// <summary>
    /// How long an instance owns an import between two committed chunks. When it dies, another instance
    /// resumes the import after this long; a chunk must commit within it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00", ErrorMessage = "Inventory:ImportLease must be between 5 seconds and 1 hour.")]
    public TimeSpan ImportLease { get; set; } = TimeSpan.FromMinutes(2);
}
