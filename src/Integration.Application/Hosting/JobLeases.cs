using Integration.Core.Common;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Hosting;

/// <summary>
/// The database lease that lets one instance at a time run a periodic job: a row per job in <c>job_leases</c>,
/// held by an instance until it releases it or its lease runs out (a crashed instance's job is taken over then).
/// </summary>
public sealed class JobLeases(IServiceScopeFactory scopes, TimeProvider platform)
{
    /// <summary>Takes the lease of <paramref name="job"/> for <paramref name="instance"/>; false when another instance holds it.</summary>
    public async Task<bool> TryTakeAsync(string job, string instance, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        // The lease runs on real time: it bounds how long a run may take, whatever the business clock says.
        var now = platform.GetUtcNow();
        var until = now + lease;
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var taken = await db.JobLeases.Where(l => l.Job == job && (l.LeaseUntil == null || l.LeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.LeaseOwner, instance).SetProperty(l => l.LeaseUntil, until), cancellationToken);
        if (taken == 0)
        {
            if (await db.JobLeases.AnyAsync(l => l.Job == job, cancellationToken))
            {
                return false;
            }
            db.JobLeases.Add(new JobLease { Job = job, LeaseOwner = instance, LeaseUntil = until });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return false; // another instance made the lease first
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task ReleaseAsync(string job, string instance, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await db.JobLeases.Where(l => l.Job == job && l.LeaseOwner == instance)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.LeaseOwner, (string?)null).SetProperty(l => l.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
