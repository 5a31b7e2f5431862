using System.Text;
using Integration.Api.Tests.Infrastructure;

namespace PartnerPlatform.Sdk.Tests;

/// <summary>A platform newer than the installed SDK: values it added later are read, kept and sent back, not refused.</summary>
public sealed class SdkForwardCompatibilityTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task An_order_status_the_sdk_does_not_know_yet_is_read_and_kept()
    {
        var (client, transport, toPlace) = await platform.PartnerWithAnOrderToPlaceAsync("NEWER-1");
        var order = await client.Orders.CreateAsync(toPlace);
        transport.Disturb = async (request, send) => request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.EndsWith(order.Id, StringComparison.Ordinal)
            ? await WithBody(await send(), body => body.Replace("\"status\":\"pending\"", "\"status\":\"on_hold\"", StringComparison.Ordinal))
            : await send();

        var read = await client.Orders.GetAsync(order.Id);

        Assert.Equal("on_hold", read.Status.Value);
        Assert.False(read.Status.IsKnown);
        Assert.NotEqual(OrderStatus.Pending, read.Status);
        Assert.Equal(order.Id, read.Id);
    }

    [Fact]
    public void Known_values_have_idiomatic_names_and_their_wire_values()
    {
        Assert.Equal("all_partners", SharingPolicy.AllPartners.Value);
        Assert.Equal("count_correction", AdjustmentReason.CountCorrection.ToString());
        Assert.True(OrderStatus.AwaitingPayment.IsKnown);
        Assert.Equal(OrderStatus.Shipped, new OrderStatus("shipped"));
        Assert.Contains(OrderStatus.Returned, OrderStatus.KnownValues);
        Assert.Equal("\"duplicate_reports\"", System.Text.Json.JsonSerializer.Serialize(SimulatorMode.DuplicateReports));
        Assert.Equal(new SimulatorMode("a_later_mode"), System.Text.Json.JsonSerializer.Deserialize<SimulatorMode>("\"a_later_mode\""));
    }

    private static async Task<HttpResponseMessage> WithBody(HttpResponseMessage response, Func<string, string> change)
    {
        var body = change(await response.Content.ReadAsStringAsync());
        var contentType = response.Content.Headers.ContentType;
        response.Content = new StringContent(body, Encoding.UTF8);
        response.Content.Headers.ContentType = contentType;
        return response;
    }
}
