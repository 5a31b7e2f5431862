using Integration.Core.Reminders;

namespace Integration.Application.Reminders;

/// <summary>Which reminders a list shows; each condition left out matches every reminder.</summary>
public sealed record ReminderFilter(ReminderKind? Kind, string? PartnerId, ReminderState? State, DateTimeOffset? DueBefore);
