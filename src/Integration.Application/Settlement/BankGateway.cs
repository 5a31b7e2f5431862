using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Integration.Core.Common;
using Integration.Core.Settlement;

namespace Integration.Application.Settlement;

public enum GatewayOutcome
{
    /// <summary>The gateway paid this payout (now, or earlier under the same key).</summary>
    Paid,

    /// <summary>Accepted but not final yet: ask again later by key.</summary>
    Processing,

    /// <summary>The gateway has no payout under this key.</summary>
    NotFound,

    /// <summary>The gateway refused the payout (e.g. bank account closed).</summary>
    Rejected,

    /// <summary>No trustworthy answer: error status, timeout, or a body that does not match the contract.</summary>
    Failed,

    /// <summary>Not called: the gateway's circuit is open until <see cref="GatewayAnswer.OpenUntil"/>. Not a failed attempt.</summary>
    NotAttempted,
}

public sealed record GatewayAnswer(GatewayOutcome Outcome, string? GatewayPayoutId = null, string? Problem = null, DateTimeOffset? OpenUntil = null);

/// <summary>
/// The bank gateway's HTTP API (contract in docs/settlement.md). Every call carries the payout's
/// idempotency key; an answer counts as paid only when it is well-formed and names this payout's
/// key, amount and currency. Timeouts, and retries of lookups only, come from the resilience pipeline
/// configured in <see cref="SettlementSetup"/>: a payout request is sent once per call, and sent again
/// only by <see cref="PayoutRunner"/> after a lookup by key found nothing. With a <paramref name="circuit"/>
/// (the real gateway; not the sandbox's simulator) no call is made while it is open.
/// </summary>
public sealed class BankGateway(HttpClient http, ILogger<BankGateway> logger, GatewayCircuit? circuit = null)
{
    public const string ClientName = "bank-gateway";
    private const int MaxBodyChars = 64 * 1024;

    // headers: extra request headers (the sandbox's simulator reads its partner and mode from them).
    public async Task<GatewayAnswer> SendAsync(Payout payout, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "payouts")
        {
            Content = JsonContent.Create(new
            {
                reference = payout.IdempotencyKey,
                partnerId = payout.PartnerId,
                amount = Money.Format(payout.Amount),
                currency = payout.Currency,
            }),
        };
        request.Headers.Add("Idempotency-Key", payout.IdempotencyKey);
        return await CallAsync(request, payout, headers, cancellationToken);
    }

    public async Task<GatewayAnswer> FindAsync(Payout payout, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"payouts/{Uri.EscapeDataString(payout.IdempotencyKey)}");
        return await CallAsync(request, payout, headers, cancellationToken);
    }

    /// <summary>When the circuit is open, the moment it closes; null when calls go through (always, without a circuit).</summary>
    public async Task<DateTimeOffset?> OpenUntilAsync(CancellationToken cancellationToken) =>
        circuit is null ? null : await circuit.OpenUntilAsync(cancellationToken);

    private async Task<GatewayAnswer> CallAsync(HttpRequestMessage request, Payout payout, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        if (await OpenUntilAsync(cancellationToken) is { } openUntil)
        {
            return new GatewayAnswer(GatewayOutcome.NotAttempted, Problem: $"not attempted: the bank gateway's circuit is open until {openUntil:O}", OpenUntil: openUntil);
        }
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        // Network errors and timeouts (TimeoutRejectedException): no answer, so not paid.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Bank gateway call for payout {PayoutId} failed: {Error}", payout.Id, e.GetType().Name);
            await RecordAsync(failed: true);
            return Failed($"no answer ({e.GetType().Name})");
        }
        using (response)
        {
            var (answer, cutOff) = await ReadAsync(response, request, payout, cancellationToken);
            await RecordAsync(failed: cutOff || IsGatewayFailure(response.StatusCode));
            return answer;
        }
    }

    /// <summary>What the circuit counts as the gateway failing: 5xx, 408 and 429 (as HttpClientResiliencePredicates), besides no answer at all.</summary>
    private static bool IsGatewayFailure(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    private Task RecordAsync(bool failed) => circuit?.RecordAsync(failed) ?? Task.CompletedTask;

    /// <returns>The answer, and whether the connection broke while the body was read.</returns>
    private async Task<(GatewayAnswer Answer, bool CutOff)> ReadAsync(
        HttpResponseMessage response, HttpRequestMessage request, Payout payout, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NotFound && request.Method == HttpMethod.Get)
        {
            return (new GatewayAnswer(GatewayOutcome.NotFound), false);
        }
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        // The connection dropped while the body was on its way: no answer, so not paid.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Bank gateway answer for payout {PayoutId} was cut off: {Error}", payout.Id, e.GetType().Name);
            return (Failed($"answer cut off ({e.GetType().Name})"), true);
        }
        // 409: the gateway already holds a payout under this key and reports it again.
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Conflict)
        {
            return (Failed($"gateway answered {(int)response.StatusCode}"), false);
        }
        return (Interpret(body.Length > MaxBodyChars ? body[..MaxBodyChars] : body, payout), false);
    }

    private static GatewayAnswer Interpret(string body, Payout payout)
    {
        GatewayPayout? reported;
        try
        {
            reported = JsonSerializer.Deserialize<GatewayPayout>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return Failed("gateway answer is not valid JSON");
        }
        if (reported is null || string.IsNullOrWhiteSpace(reported.Id) || reported.Status is null)
        {
            return Failed("gateway answer lacks id or status");
        }
        if (reported.Reference != payout.IdempotencyKey)
        {
            return Failed($"gateway answer names payout '{reported.Reference}', not '{payout.IdempotencyKey}'");
        }
        if (!decimal.TryParse(reported.Amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || amount != payout.Amount || reported.Currency != payout.Currency)
        {
            return Failed($"gateway reports {reported.Amount} {reported.Currency}, expected {payout.Amount:0.00} {payout.Currency}");
        }
        return reported.Status switch
        {
            "paid" => new GatewayAnswer(GatewayOutcome.Paid, reported.Id),
            "processing" => new GatewayAnswer(GatewayOutcome.Processing, reported.Id),
            "rejected" => new GatewayAnswer(GatewayOutcome.Rejected, reported.Id, $"gateway rejected the payout: {reported.Reason ?? "no reason given"}"),
            _ => Failed($"gateway reports unknown status '{reported.Status}'"),
        };
    }

    private static GatewayAnswer Failed(string problem) => new(GatewayOutcome.Failed, Problem: problem);

    private sealed record GatewayPayout(string? Id, string? Reference, string? Status, string? Amount, string? Currency, string? Reason);
}
