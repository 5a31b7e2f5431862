using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Integration.Core.Common;
using Integration.Core.Settlement;

namespace Integration.Api.Settlement;

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

    /// <summary>No trustworthy answer: error status, timeout, open circuit, or a body that does not match the contract.</summary>
    Failed,
}

public sealed record GatewayAnswer(GatewayOutcome Outcome, string? GatewayPayoutId = null, string? Problem = null);

/// <summary>
/// The bank gateway's HTTP API (contract in docs/settlement.md). Every call carries the payout's
/// idempotency key; an answer counts as paid only when it is well-formed and names this payout's
/// key, amount and currency. Timeouts, retries and the circuit breaker come from the resilience
/// pipeline configured in <see cref="SettlementSetup"/>.
/// </summary>
public sealed class BankGateway(HttpClient http, ILogger<BankGateway> logger)
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

    private async Task<GatewayAnswer> CallAsync(HttpRequestMessage request, Payout payout, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound && request.Method == HttpMethod.Get)
            {
                return new GatewayAnswer(GatewayOutcome.NotFound);
            }
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            // 409: the gateway already holds a payout under this key and reports it again.
            if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Conflict)
            {
                return Failed($"gateway answered {(int)response.StatusCode}");
            }
            return Interpret(body.Length > MaxBodyChars ? body[..MaxBodyChars] : body, payout);
        }
        // Network errors, timeouts (TimeoutRejectedException) and an open circuit (BrokenCircuitException) alike: no answer, so not paid.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Bank gateway call for payout {PayoutId} failed: {Error}", payout.Id, e.GetType().Name);
            return Failed(e.GetType().Name == "BrokenCircuitException" ? "circuit open: the gateway failed repeatedly" : $"no answer ({e.GetType().Name})");
        }
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
