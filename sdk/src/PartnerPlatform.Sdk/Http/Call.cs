namespace PartnerPlatform.Sdk.Http;

/// <summary>
/// Runs one service call with its <see cref="RequestOptions"/> in scope for the pipeline
/// (<see cref="ProblemHandler"/> reads them) and puts the answer's metadata on what the call returns.
/// </summary>
internal static class Call
{
    private static readonly AsyncLocal<CallScope?> Current = new();

    /// <summary>The call in progress on this flow, if a service started one.</summary>
    public static CallScope? Scope => Current.Value;

    public static async Task<T> SendAsync<T>(RequestOptions? options, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        var scope = new CallScope(options);
        Current.Value = scope; // set inside this async method: the caller's flow is untouched when it returns
        var result = await send(cancellationToken).ConfigureAwait(false);
        if (result is IHasLastResponse answered)
        {
            answered.LastResponse = scope.Response;
        }
        return result;
    }

    public static Task SendAsync(RequestOptions? options, Func<CancellationToken, Task> send, CancellationToken cancellationToken) =>
        SendAsync<object?>(options, async ct =>
        {
            await send(ct).ConfigureAwait(false);
            return null;
        }, cancellationToken);
}

/// <summary>One call's options, and the metadata of its final answer.</summary>
internal sealed class CallScope(RequestOptions? options)
{
    public RequestOptions? Options { get; } = options;

    public PartnerResponse? Response { get; set; }
}

/// <summary>A generated answer type that carries <see cref="PartnerResponse"/> (see sdk/templates/Class.liquid).</summary>
internal interface IHasLastResponse
{
    PartnerResponse? LastResponse { get; set; }
}
