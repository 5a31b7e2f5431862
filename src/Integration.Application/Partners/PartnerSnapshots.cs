using Integration.Application.Cluster;
using Integration.Core.Partners;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Integration.Application.Partners;

/// <summary>
/// Recent copies of partner records for the read path: nearly every partner request needs its
/// partner's profile (tier, status), and reading it from the database each time would cost more
/// than the request's own work. <see cref="Forget"/> drops a changed partner's copy on this instance
/// at once and, with Redis, on every other instance (<see cref="CacheTopics.Partner"/>); without
/// Redis other instances see the change within <see cref="PartnerSnapshotOptions.MaxAge"/>.
/// </summary>
public sealed class PartnerSnapshots : IDisposable
{
    private const int MaxPartners = 50_000;
    private static readonly Func<IntegrationDbContext, string, Task<Partner?>> FindPartner =
        EF.CompileAsyncQuery((IntegrationDbContext db, string id) => db.Partners.AsNoTracking().FirstOrDefault(p => p.Id == id));

    private readonly MemoryCache _snapshots = new(new MemoryCacheOptions { SizeLimit = MaxPartners });
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<PartnerSnapshotOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ClusterSignals _signals;
    private long _forgotten; // counts Forgets, so that a read overtaken by one is not kept

    public PartnerSnapshots(IServiceScopeFactory scopes, IOptions<PartnerSnapshotOptions> options, TimeProvider clock, ClusterSignals signals)
    {
        (_scopes, _options, _clock, _signals) = (scopes, options, clock, signals);
        signals.Subscribe(CacheTopics.Partner, partnerId =>
        {
            Interlocked.Increment(ref _forgotten);
            _snapshots.Remove(partnerId);
        });
    }

    public async ValueTask<Partner?> GetAsync(string partnerId)
    {
        var now = _clock.GetUtcNow();
        if (_snapshots.TryGetValue(partnerId, out Snapshot? snapshot) && now - snapshot!.ReadAt < _options.Value.MaxAge)
        {
            return snapshot.Partner;
        }
        var forgottenBefore = Interlocked.Read(ref _forgotten);
        await using var scope = _scopes.CreateAsyncScope();
        var partner = await FindPartner(scope.ServiceProvider.GetRequiredService<IntegrationDbContext>(), partnerId);
        if (Interlocked.Read(ref _forgotten) != forgottenBefore)
        {
            return partner;
        }
        _snapshots.Set(partnerId, new Snapshot(partner, now), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _options.Value.MaxAge });
        return partner;
    }

    /// <summary>Makes every instance read the partner again on its next request.</summary>
    public void Forget(string partnerId) => _signals.Publish(CacheTopics.Partner, partnerId);

    public void Dispose() => _snapshots.Dispose();

    private sealed record Snapshot(Partner? Partner, DateTimeOffset ReadAt);
}
