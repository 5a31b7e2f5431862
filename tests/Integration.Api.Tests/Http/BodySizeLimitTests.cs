using System.Net;
using System.Text;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Http;

/// <summary>TestServer does not enforce body limits, so this runs the platform on real Kestrel (127.0.0.1).</summary>
public sealed class BodySizeLimitTests(BodySizeLimitTests.KestrelPlatform platform) : IClassFixture<BodySizeLimitTests.KestrelPlatform>
{
    public sealed class KestrelPlatform : PlatformFactory
    {
        public KestrelPlatform()
        {
            Settings["Api:MaxRequestBodyBytes"] = "4096";
            UseKestrel(0);
        }
    }

    [Fact]
    public async Task BodyOverTheLimit_Is413Problem_AndWritesNothing()
    {
        var admin = await platform.AdminClientAsync();
        var huge = "{\"name\":\"" + new string('x', 20_000) + "\",\"tier\":\"basic\",\"creditRating\":\"A\",\"cooperationMode\":\"co_branding\",\"regionCode\":\"CN\"}";

        var response = await admin.PostAsync("/admin/v1/partners", new StringContent(huge, Encoding.UTF8, "application/json"));

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }
}
