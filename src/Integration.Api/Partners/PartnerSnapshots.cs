using System.Collections.Concurrent;
using Integration.Core.Partners;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integration.Api.Partners;

public sealed class PartnerSnapshotOptions
{
    /// <summary>How old a partner record read on a partner request may be. Writes always read the database.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Recent copies of partner records for the read path: nearly every partner request needs its
/// partner's profile (tier, status), and reading it from the database each time would cost more
/// than the request's own work. Changes made on this instance are seen at once (<see cref="Forget"/>);
/// changes made on another instance within <see cref="PartnerSnapshotOptions.MaxAge"/>.
/// </summary>
public sealed class PartnerSnapshots(IServiceScopeFactory scopes, IOptions<PartnerSnapshotOptions> options, TimeProvider clock)
{
    private static readonly Func<IntegrationDbContext, string, Task<Partner?>> FindPartner =
        EF.CompileAsyncQuery((IntegrationDbContext db, string id) => db.Partners.AsNoTracking().FirstOrDefault(p => p.Id == id));

    private readonly ConcurrentDictionary<string, (Partner? Partner, DateTimeOffset ReadAt)> _snapshots = new();

    public async ValueTask<Partner?> GetAsync(string partnerId)
    {
        var now = clock.GetUtcNow();
        if (_snapshots.TryGetValue(partnerId, out var snapshot) && now - snapshot.ReadAt < options.Value.MaxAge)
        {
            return snapshot.Partner;
        }
        await using var scope = scopes.CreateAsyncScope();
        var partner = await FindPartner(scope.ServiceProvider.GetRequiredService<IntegrationDbContext>(), partnerId);
        _snapshots[partnerId] = (partner, now);
        return partner;
    }

    public void Forget(string partnerId) => _snapshots.TryRemove(partnerId, out _);
}
