using System.Net;
using System.Net.Sockets;
using Integration.Core.Common;
using Integration.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace Integration.Application.Webhooks;

/// <summary>A target the SSRF guard refuses, with the reason a partner can act on.</summary>
public sealed class WebhookTargetRefusedException(string message) : Exception(message);

/// <summary>
/// The SSRF guard. A URL is checked when it is saved and again before every delivery attempt, and
/// connections go only to the addresses that passed the check (so a DNS answer that changes between
/// check and connect cannot redirect a delivery to an internal address).
/// </summary>
public sealed class WebhookTargets(IOptions<WebhookOptions> options)
{
    public async Task<string> ValidateAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw DomainException.Invalid("url", "An absolute https:// URL.");
        }
        if (options.Value.RequireHttps && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw DomainException.Invalid("url", "Webhook URLs must use https://.");
        }
        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            throw DomainException.Invalid("url", "The URL may not carry credentials or a #fragment; put a token in the path or query instead.");
        }
        try
        {
            await ResolveAllowedAsync(uri.Host, cancellationToken);
        }
        catch (WebhookTargetRefusedException e)
        {
            throw new DomainException(ErrorKind.Unprocessable, "webhook_target_forbidden", e.Message,
                new Dictionary<string, string[]> { ["url"] = [e.Message] });
        }
        return uri.AbsoluteUri;
    }

    /// <summary>The host's addresses, if it may be reached; otherwise <see cref="WebhookTargetRefusedException"/>.</summary>
    public async Task<IPAddress[]> ResolveAllowedAsync(string host, CancellationToken cancellationToken)
    {
        var bare = host.TrimStart('[').TrimEnd(']');
        IPAddress[] addresses;
        if (IPAddress.TryParse(bare, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(bare, cancellationToken);
            }
            catch (SocketException)
            {
                throw new WebhookTargetRefusedException($"The host name '{bare}' does not resolve.");
            }
        }
        if (addresses.Length == 0)
        {
            throw new WebhookTargetRefusedException($"The host name '{bare}' does not resolve.");
        }
        if (!options.Value.AllowedPrivateHosts.Contains(host, StringComparer.OrdinalIgnoreCase)
            && !options.Value.AllowedPrivateHosts.Contains(bare, StringComparer.OrdinalIgnoreCase)
            && addresses.FirstOrDefault(ForbiddenAddresses.IsForbidden) is { } forbidden)
        {
            throw new WebhookTargetRefusedException(
                $"'{bare}' resolves to {forbidden}, which webhooks may not reach (loopback, private, link-local, multicast or metadata addresses).");
        }
        return addresses;
    }

    /// <summary>The HTTP handler's connect step: resolve, check, and connect only to checked addresses.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAllowedAsync(context.DnsEndPoint.Host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
