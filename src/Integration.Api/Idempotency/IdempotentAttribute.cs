using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Integration.Api.OAuth;
using Integration.Api.Observability;
using Integration.Application.Observability;
using Integration.Core.Common;
using Integration.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Integration.Api.Idempotency;

/// <summary>
/// The action honours <c>Idempotency-Key</c> (api-guidelines.md › Idempotency): the first response is
/// replayed for retries (<c>Idempotent-Replayed: true</c>), another request under the same key is
/// 422, a retry while the first still runs is 409. Keys are scoped to the partner and environment.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IdempotentAttribute : TypeFilterAttribute
{
    public const string Header = "Idempotency-Key";

    /// <param name="required">Whether a request without the header is refused.</param>
    /// <param name="protectResponse">The response carries a secret: it is stored encrypted for replays.</param>
    public IdempotentAttribute(bool required = true, bool protectResponse = false) : base(typeof(IdempotencyFilter))
    {
        Required = required;
        Arguments = [required, protectResponse];
    }

    public bool Required { get; }
}

public sealed class IdempotencyFilter(
    bool required, bool protectResponse, IdempotencyStore store, IntegrationDbContext db, IOptions<JsonOptions> json, IDataProtectionProvider protection,
    PlatformMetrics metrics)
    : IAsyncResourceFilter, IAsyncActionFilter
{
    // Before model binding: keep the body readable, so it can be fingerprinted after binding read it.
    public Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        context.HttpContext.Request.EnableBuffering();
        return next();
    }

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[IdempotentAttribute.Header].ToString();
        if (string.IsNullOrEmpty(key))
        {
            if (required)
            {
                throw new DomainException(ErrorKind.Validation, "idempotency_key_required",
                    "This request needs an Idempotency-Key header (any unique string up to 255 characters, e.g. a UUID) so that retrying it is safe.",
                    new Dictionary<string, string[]> { [IdempotentAttribute.Header] = ["Required."] });
            }
            await next();
            return;
        }
        if (key.Length > ContractLimits.IdempotencyKey || key.Any(c => c < 0x21 || c > 0x7E))
        {
            throw new DomainException(ErrorKind.Validation, "validation_failed", "The Idempotency-Key is not valid.",
                new Dictionary<string, string[]> { [IdempotentAttribute.Header] = ["Up to 255 printable ASCII characters without spaces."] });
        }

        var caller = http.RequirePartnerCaller();
        var tenant = new Tenant(caller.PartnerId!, caller.Environment!.Value);
        var requestHash = await FingerprintAsync(http.Request);
        var claimed = await store.ClaimAsync(db, tenant, key, requestHash, http.RequestAborted) switch
        {
            IdempotencyClaim.Mismatch => throw new DomainException(ErrorKind.Unprocessable, "idempotency_key_reused",
                "This Idempotency-Key was used for a different request. Use a new key for a new request."),
            IdempotencyClaim.InUse => throw InUse(http),
            IdempotencyClaim.Replay replay => Replay(context, replay.Record, protectResponse ? Protector.Unprotect(replay.Record.ResponseBody!) : replay.Record.ResponseBody),
            IdempotencyClaim.Claimed claim => claim,
            _ => throw new InvalidOperationException("Unknown idempotency claim."),
        };
        if (claimed is null)
        {
            metrics.IdempotentReplay(http.Request.Method);
            return;
        }

        var scope = WriteScope.Begin(db);
        try
        {
            var executed = await next();
            if (executed.Exception is null && executed.Result is ObjectResult { Value: { } value } result && (result.StatusCode ?? 200) < 500)
            {
                var etag = http.Response.Headers.ETag.ToString();
                var body = JsonSerializer.Serialize(value, value.GetType(), json.Value.JsonSerializerOptions);
                var response = new RecordedResponse(result.StatusCode ?? 200, protectResponse ? Protector.Protect(body) : body,
                    (result as CreatedResult)?.Location, etag.Length > 0 ? etag : null);
                // The response is stored in the action's own commit: both are kept, or neither.
                await scope.CommitWithAsync(
                    grouped => grouped.Add(batch => IdempotencyStore.Complete(batch, tenant, key, requestHash, claimed, response))
                        .Explain(IdempotencyStore.ExplainLostRace)
                        .CommitAsync(),
                    cancellationToken => IdempotencyStore.CompleteAsync(db, tenant, key, requestHash, claimed, response, cancellationToken),
                    http.RequestAborted);
            }
        }
        finally
        {
            await scope.DisposeAsync();
            store.Finish(tenant, key);
        }
    }

    private static DomainException InUse(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "1";
        return new DomainException(ErrorKind.Conflict, "idempotency_key_in_use",
            "A request with this Idempotency-Key is still being processed. Retry shortly to get its result.");
    }

    /// <summary>Answers with the recorded response; null, so the action does not run.</summary>
    private IDataProtector Protector => protection.CreateProtector("Integration.Idempotency.ResponseBody.v1");

    private static IdempotencyClaim.Claimed? Replay(ActionExecutingContext context, Core.Idempotency.IdempotencyRecord record, string? body)
    {
        var http = context.HttpContext;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (record.ResponseLocation is not null)
        {
            http.Response.Headers.Location = record.ResponseLocation;
        }
        if (record.ResponseETag is not null)
        {
            http.Response.Headers.ETag = record.ResponseETag;
        }
        context.Result = new ContentResult { Content = body, ContentType = "application/json; charset=utf-8", StatusCode = record.ResponseStatus };
        return null;
    }

    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.Body.Position = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
