using Microsoft.Extensions.Options;

namespace Integration.Api.OAuth;

/// <summary>Writes the summaries of refused token requests every interval, and what is left when the instance stops.</summary>
public sealed class RefusedTokenSummaryWriter(
    RefusedTokenRequests refusals, TimeProvider clock, IOptions<RefusedTokenSummaryOptions> options, ILogger<RefusedTokenSummaryWriter> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await FlushAsync(stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await refusals.FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogDebug(e, "Refused token summaries are written again in {Interval}", options.Value.Interval);
        }
    }
}
