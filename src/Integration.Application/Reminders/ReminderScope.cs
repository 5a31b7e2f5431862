using Integration.Core.Common;
using Integration.Data;

namespace Integration.Application.Reminders;

/// <summary>One partner's rows in one environment, read at that environment's time for the partner (the sandbox clock in the sandbox).</summary>
public sealed record ReminderScope(IntegrationDbContext Db, string PartnerId, ApiEnvironment Environment, DateTimeOffset Now)
{
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);
}
