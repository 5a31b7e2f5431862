using Integration.Core.Webhooks;

namespace Integration.Core.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    // The test vector published with the Standard Webhooks specification.
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Body = "{\"test\": 2432232314}";

    [Fact]
    public void Sign_MatchesTheStandardWebhooksTestVector() =>
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.Sign(Secret, Id, Timestamp, Body));

    [Fact]
    public void ChangingTheBodyTimestampOrId_ChangesTheSignature()
    {
        var original = WebhookSignature.Sign(Secret, Id, Timestamp, Body);
        Assert.NotEqual(original, WebhookSignature.Sign(Secret, Id, Timestamp, Body.Replace('2', '3')));
        Assert.NotEqual(original, WebhookSignature.Sign(Secret, Id, Timestamp + 1, Body));
        Assert.NotEqual(original, WebhookSignature.Sign(Secret, Id + "x", Timestamp, Body));
    }

    [Fact]
    public void DuringARotation_TheHeaderCarriesOneSignaturePerSecret()
    {
        var next = WebhookSignature.NewSecret();
        var header = WebhookSignature.Header([next, Secret], Id, Timestamp, Body);
        Assert.Equal([WebhookSignature.Sign(next, Id, Timestamp, Body), WebhookSignature.Sign(Secret, Id, Timestamp, Body)], header.Split(' '));
    }

    [Fact]
    public void NewSecrets_AreWhsecPrefixed32RandomBytes()
    {
        var secret = WebhookSignature.NewSecret();
        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        Assert.NotEqual(secret, WebhookSignature.NewSecret());
    }
}

public sealed class ForbiddenAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.5.4")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.251")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("::7f00:1")]                            // IPv4-compatible ::127.0.0.1
    [InlineData("::a00:1")]                             // IPv4-compatible ::10.0.0.1
    [InlineData("::ffff:0:a9fe:a9fe")]                  // IPv4-translated (SIIT) 169.254.169.254
    [InlineData("2002:7f00:1::1")]                      // 6to4 of 127.0.0.1
    [InlineData("2002:c0a8:101::1")]                    // 6to4 of 192.168.1.1
    [InlineData("64:ff9b:1::a00:1")]                    // local-use NAT64 prefix
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe")] // Teredo, client 127.0.0.1
    [InlineData("2001:0:a00:1:8000:63bf:f7f7:f7f7")]    // Teredo, server 10.0.0.1
    [InlineData("fc00::1")]
    [InlineData("fec0::1")]
    [InlineData("2001:db8::1")]
    public void InternalAddresses_AreForbidden(string address) =>
        Assert.True(ForbiddenAddresses.IsForbidden(System.Net.IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]                    // NAT64 of 8.8.8.8
    [InlineData("2002:808:808::1")]                     // 6to4 of 8.8.8.8
    [InlineData("2001:0:4136:e378:8000:63bf:f7f7:f7f7")] // Teredo, server 65.54.227.120, client 8.8.8.8
    public void PublicAddresses_AreAllowed(string address) =>
        Assert.False(ForbiddenAddresses.IsForbidden(System.Net.IPAddress.Parse(address)));
}

public sealed class RetryScheduleTests
{
    [Fact]
    public void LiveRetries_BackOffExponentially_ForThreeDays()
    {
        var schedule = RetrySchedule.Live;
        Assert.Equal(TimeSpan.FromSeconds(5), schedule.DelayAfter(1));
        Assert.Equal(TimeSpan.FromSeconds(30), schedule.DelayAfter(2));
        Assert.Equal(TimeSpan.FromHours(8), schedule.DelayAfter(9));
        Assert.Equal(TimeSpan.FromHours(8), schedule.DelayAfter(40));
        var start = DateTimeOffset.UnixEpoch;
        Assert.False(schedule.GivesUp(start, start + TimeSpan.FromDays(3) - TimeSpan.FromSeconds(1)));
        Assert.True(schedule.GivesUp(start, start + TimeSpan.FromDays(3)));
    }

    [Fact]
    public void SandboxRetries_GiveUpWithinMinutes() =>
        Assert.True(RetrySchedule.Sandbox.Window <= TimeSpan.FromMinutes(10));
}
