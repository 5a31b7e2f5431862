using System.Globalization;
using PartnerPlatform.Sdk.Http;

namespace PartnerPlatform.Sdk.Sandbox;

/// <inheritdoc cref="ISandboxService" />
public sealed class SandboxService : ISandboxService
{
    private readonly SandboxClient _api;

    internal SandboxService(HttpClient http)
    {
        _api = new SandboxClient(http) { ReadResponseAsString = true };
        Actions = new SandboxActions(_api);
    }

    /// <inheritdoc />
    public ISandboxActions Actions { get; }

    /// <inheritdoc />
    public Task<SandboxResponse> GetAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _api.GetSandboxAsync(ct), cancellationToken);

    /// <inheritdoc />
    public Task<SandboxResponse> ResetAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _api.ResetSandboxAsync(ct), cancellationToken);

    /// <inheritdoc />
    public Task<ClockResponse> GetClockAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _api.GetSandboxClockAsync(ct), cancellationToken);

    /// <inheritdoc />
    public Task<AdvanceClockResponse> AdvanceClockAsync(TimeSpan by, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        AdvanceAsync(new AdvanceClockRequest { By = IsoDuration(by) }, options, cancellationToken);

    /// <inheritdoc />
    public Task<AdvanceClockResponse> AdvanceClockToAsync(DateTimeOffset to, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        AdvanceAsync(new AdvanceClockRequest { To = to }, options, cancellationToken);

    /// <inheritdoc />
    public Task<ClockAdvanceResponse> GetClockAdvanceAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _api.GetSandboxClockAdvanceAsync(id, ct), cancellationToken);

    private static readonly TimeSpan AdvancePollInterval = TimeSpan.FromSeconds(1);

    private async Task<AdvanceClockResponse> AdvanceAsync(AdvanceClockRequest request, RequestOptions? options, CancellationToken cancellationToken)
    {
        ClockAdvanceResponse advance;
        try
        {
            return await Call.SendAsync(options, ct => _api.AdvanceSandboxClockAsync(request, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (PartnerApiException<ClockAdvanceResponse> accepted) when (accepted.StatusCode == System.Net.HttpStatusCode.Accepted)
        {
            advance = accepted.Result;
        }
        while (advance.Status == ClockAdvanceStatus.Advancing)
        {
            await Task.Delay(AdvancePollInterval, cancellationToken).ConfigureAwait(false);
            advance = await GetClockAdvanceAsync(advance.Id, options, cancellationToken).ConfigureAwait(false);
        }
        if (advance.Status == ClockAdvanceStatus.Ready && advance.Result is { } result)
        {
            result.LastResponse = advance.LastResponse;
            return result;
        }
        throw new PartnerApiException(System.Net.HttpStatusCode.Conflict, advance.Problem?.Code ?? "advance_failed",
            $"The sandbox clock advance {advance.Id} failed: {advance.Problem?.Detail ?? advance.Status.Value}", advance.LastResponse?.RequestId, null);
    }

    /// <inheritdoc />
    public Task<SnapshotResponse> CreateSnapshotAsync(string? name = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _api.CreateSandboxSnapshotAsync(new CreateSnapshotRequest { Name = name }, ct), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<SnapshotResponse> ListSnapshotsAutoPagingAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<SnapshotResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListSandboxSnapshotsAsync(100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, options, cancellationToken);

    /// <inheritdoc />
    public Task<SandboxResponse> RestoreSnapshotAsync(string snapshotId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _api.RestoreSandboxSnapshotAsync(snapshotId, ct), cancellationToken);

    /// <inheritdoc />
    public Task DeleteSnapshotAsync(string snapshotId, RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _api.DeleteSandboxSnapshotAsync(snapshotId, ct), cancellationToken);

    /// <inheritdoc />
    public Task<SimulatorResponse> SetSimulatorModeAsync(string simulator, SimulatorMode mode, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _api.SetSandboxSimulatorModeAsync(simulator, new SetSimulatorModeRequest { Mode = mode }, ct), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<SimulatorRequestResponse> ListSimulatorRequestsAutoPagingAsync(string simulator, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<SimulatorRequestResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListSandboxSimulatorRequestsAsync(simulator, 100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, options, cancellationToken);

    /// <summary>The simulated bank gateway, which pays your sandbox's payouts.</summary>
    public const string BankGateway = "bank-gateway";

    /// <summary>The simulated carrier, whose tracking decides when shipped orders are delivered.</summary>
    public const string Carrier = "carrier";

    // ISO 8601 in days and seconds (P1DT30S): exact, unlike months and years, which the API refuses.
    private static string IsoDuration(TimeSpan value)
    {
        var seconds = (long)value.TotalSeconds;
        if (seconds <= 0 || value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The sandbox clock moves forward in whole seconds.");
        }
        var (days, rest) = (seconds / 86_400, seconds % 86_400);
        return "P" + (days > 0 ? days.ToString(CultureInfo.InvariantCulture) + "D" : "") + (rest > 0 ? "T" + rest.ToString(CultureInfo.InvariantCulture) + "S" : "");
    }
}
