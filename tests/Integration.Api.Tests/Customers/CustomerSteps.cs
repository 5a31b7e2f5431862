using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Integration.Core.Credentials;

namespace Integration.Api.Tests.Customers;

public static class CustomerSteps
{
    /// <summary>domain.md › Customers' worked values.</summary>
    public static object Zhang(string source = "pos:store-12") => new
    {
        name = "张三丰",
        phone = "13812341234",
        email = "zhang.sanfeng@example.com",
        address = new { line = "1200 Zhangjiang Road, Building 3", city = "Shanghai", regionCode = "CN-SH-PD", postalCode = "201203", country = "CN" },
        consents = new[] { new { purpose = "marketing", granted = true, at = "2026-11-28T14:05:00Z", source } },
    };

    public static string NewExternalId() => "C-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A partner whose credential writes customers and reads them masked, or whole with <paramref name="whole"/>.</summary>
    public static Task<PartnerSession> CrmSessionAsync(this PlatformFactory platform, bool whole = false, string environment = "sandbox") =>
        platform.NewPartnerSessionAsync(environment, null,
            whole ? [ApiScopes.CustomersWrite, ApiScopes.CustomersRead, ApiScopes.CustomersPiiRead, ApiScopes.OrdersRead, ApiScopes.OrdersWrite, ApiScopes.EventsRead]
                  : [ApiScopes.CustomersWrite, ApiScopes.CustomersRead, ApiScopes.OrdersRead, ApiScopes.OrdersWrite, ApiScopes.EventsRead]);

    public static Task<HttpResponseMessage> PutCustomerAsync(this HttpClient client, string externalId, object body, string? ifMatch = null, string version = "v1")
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/{version}/customers/{Uri.EscapeDataString(externalId)}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return client.SendAsync(request);
    }
}
