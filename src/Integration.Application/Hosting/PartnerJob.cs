using Integration.Application.Environments;
using Integration.Core.Common;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Hosting;

/// <summary>How often a <see cref="PartnerJob"/> runs, whether this instance takes part, and how long one run may hold its lease.</summary>
public sealed record JobSchedule(bool RunInBackground, TimeSpan Interval, TimeSpan Lease);

/// <summary>One partner's rows in one environment, at that environment's time for the partner (the sandbox clock in the sandbox).</summary>
public sealed record PartnerWork(IServiceProvider Services, IntegrationDbContext Db, string PartnerId, ApiEnvironment Environment, DateTimeOffset Now)
{
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);
}

/// <summary>
/// A periodic job that does something for every partner in every environment, each on the clock of its environment;
/// one instance at a time runs it, under a database lease (<see cref="JobLeases"/>), and running it again is harmless.
/// </summary>
public abstract class PartnerJob(IServiceScopeFactory scopes, JobLeases leases, TimeProvider platform, ILogger logger) : BackgroundService
{
    private readonly string _instance = Ids.New("inst", 12);

    /// <summary>The lease's name in <c>job_leases</c>.</summary>
    protected abstract string JobName { get; }

    protected abstract JobSchedule Schedule { get; }

    /// <summary>The work for one partner in one environment; returns how many things it recorded.</summary>
    protected abstract Task<int> RunForPartnerAsync(PartnerWork work, CancellationToken cancellationToken);

    /// <summary>Runs the job once if no other instance holds its lease; returns what it recorded, or null when another instance runs it.</summary>
    public async Task<int?> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!await leases.TryTakeAsync(JobName, _instance, Schedule.Lease, cancellationToken))
        {
            return null;
        }
        try
        {
            var done = 0;
            foreach (var environment in Enum.GetValues<ApiEnvironment>())
            {
                foreach (var partnerId in await PartnersAsync(environment, cancellationToken))
                {
                    done += await RunForPartnerAsync(partnerId, environment, cancellationToken);
                }
            }
            return done;
        }
        finally
        {
            await leases.ReleaseAsync(JobName, _instance, CancellationToken.None);
        }
    }

    private async Task<List<string>> PartnersAsync(ApiEnvironment environment, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var partners = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>().Partners.AsNoTracking();
        // Seeded sandbox peers exist only in their owner's sandbox.
        if (environment == ApiEnvironment.Live)
        {
            partners = partners.Where(p => p.SandboxOwnerId == null);
        }
        return await partners.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
    }

    private async Task<int> RunForPartnerAsync(string partnerId, ApiEnvironment environment, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<BusinessClock>();
        try
        {
            await scope.ServiceProvider.GetRequiredService<EnvironmentClocks>().FollowPartnerAsync(clock, db, partnerId, environment, cancellationToken);
        }
        catch (DomainException e) when (e.Kind == ErrorKind.Conflict)
        {
            return 0; // its sandbox clock is advancing: the next run looks again
        }
        return await RunForPartnerAsync(new PartnerWork(scope.ServiceProvider, db, partnerId, environment, clock.UtcNow()), cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Schedule.RunInBackground)
        {
            return;
        }
        using var timer = new PeriodicTimer(Schedule.Interval, platform);
        do
        {
            try
            {
                if (await RunOnceAsync(stoppingToken) is { } done && done > 0)
                {
                    logger.LogInformation("The {Job} job recorded {Count} items", JobName, done);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The {Job} job failed; it runs again in {Interval}", JobName, Schedule.Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
