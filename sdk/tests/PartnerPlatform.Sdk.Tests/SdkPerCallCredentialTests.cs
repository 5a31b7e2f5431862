using System.Collections.Concurrent;
using Integration.Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PartnerPlatform.Sdk.Tests;

/// <summary>One client acting for several partners: a call's own <see cref="RequestOptions.Credential"/> and <see cref="RequestOptions.Environment"/>.</summary>
public sealed class SdkPerCallCredentialTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Each_call_acts_as_the_partner_whose_credential_it_carries_and_each_credential_gets_one_token()
    {
        var (client, transport, agency) = await platform.NewPartnerAsync();
        var first = await platform.NewPartnerSessionAsync();
        var second = await platform.NewPartnerSessionAsync();
        var asFirst = new RequestOptions { Credential = new PartnerCredential(first.Credential.ClientId, first.Credential.Secret) };
        var asSecond = new RequestOptions { Credential = new PartnerCredential(second.Credential.ClientId, second.Credential.Secret) };

        var seen = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            seen.Add((await client.Partner.GetAsync(asFirst)).Id);
            seen.Add((await client.Partner.GetAsync(asSecond)).Id);
            seen.Add((await client.Partner.GetAsync()).Id);
        }

        Assert.Equal(Enumerable.Repeat(new[] { first.PartnerId, second.PartnerId, agency.PartnerId }, 3).SelectMany(ids => ids), seen);
        Assert.Equal(3, transport.TokenRequests);
    }

    [Fact]
    public async Task Each_credentials_token_is_renewed_when_that_credential_is_next_used()
    {
        var (client, transport, agency) = await platform.NewPartnerAsync();
        var other = await platform.NewPartnerSessionAsync();
        var asOther = new RequestOptions { Credential = new PartnerCredential(other.Credential.ClientId, other.Credential.Secret) };
        await client.Partner.GetAsync();
        await client.Partner.GetAsync(asOther);

        platform.Clock.Advance(TimeSpan.FromMinutes(15)); // the platform's tokens live 15 minutes
        var renewedOther = await client.Partner.GetAsync(asOther);
        var tokensAfterOther = transport.TokenRequests;
        var renewedOwn = await client.Partner.GetAsync();

        Assert.Equal(other.PartnerId, renewedOther.Id);
        Assert.Equal(agency.PartnerId, renewedOwn.Id);
        Assert.Equal(3, tokensAfterOther);
        Assert.Equal(4, transport.TokenRequests);
    }

    [Fact]
    public async Task A_registered_client_bound_from_configuration_takes_a_per_call_credential_and_the_sandbox_address()
    {
        var live = await platform.NewPartnerSessionAsync("live");
        var sandbox = await platform.NewPartnerSessionAsync();
        var (sandboxAddress, transport) = await SdkHarness.TransportAsync(platform);
        var hosts = new ConcurrentQueue<string>();
        transport.Disturb = (request, send) =>
        {
            hosts.Enqueue(request.RequestUri!.GetLeftPart(UriPartial.Authority));
            return send();
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PartnerPlatform:ClientId"] = live.Credential.ClientId,
            ["PartnerPlatform:ClientSecret"] = live.Credential.Secret,
            ["PartnerPlatform:Environment"] = "Live",
            ["PartnerPlatform:BaseUrl"] = "http://live.partners.invalid/",
            ["PartnerPlatform:SandboxBaseAddress"] = sandboxAddress.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddPartnerClient(configuration.GetSection("PartnerPlatform")).ConfigurePrimaryHttpMessageHandler(() => transport);
        await using var provider = services.BuildServiceProvider();

        var me = await provider.GetRequiredService<IPartnerService>().GetAsync(new RequestOptions
        {
            Environment = ApiEnvironment.Sandbox,
            Credential = new PartnerCredential(sandbox.Credential.ClientId, sandbox.Credential.Secret),
        });

        Assert.Equal(sandbox.PartnerId, me.Id);
        Assert.Equal(1, transport.TokenRequests);
        Assert.Equal([sandboxAddress.GetLeftPart(UriPartial.Authority)], hosts.Distinct());
    }

    [Fact]
    public async Task A_wrong_per_call_secret_fails_typed_and_the_clients_own_credential_keeps_working()
    {
        var (client, transport, agency) = await platform.NewPartnerAsync();
        await client.Partner.GetAsync();
        var other = await platform.NewPartnerSessionAsync();

        var refused = await Assert.ThrowsAsync<PartnerAuthenticationException>(() =>
            client.Partner.GetAsync(new RequestOptions { Credential = new PartnerCredential(other.Credential.ClientId, "sk_not_the_secret") }));
        var me = await client.Partner.GetAsync();

        Assert.Contains(other.Credential.ClientId, refused.Message);
        Assert.DoesNotContain("sk_not_the_secret", refused.Message);
        Assert.Equal(agency.PartnerId, me.Id);
        Assert.Equal(2, transport.TokenRequests); // the client's own token was neither dropped nor renewed
    }

    [Fact]
    public async Task A_call_in_the_sandbox_goes_to_the_sandbox_address_whatever_the_clients_own_address()
    {
        var (sandboxAddress, transport) = await SdkHarness.TransportAsync(platform);
        var live = await platform.NewPartnerSessionAsync("live");
        var sandbox = await platform.NewPartnerSessionAsync();
        var hosts = new ConcurrentQueue<string>();
        transport.Disturb = (request, send) =>
        {
            hosts.Enqueue(request.RequestUri!.GetLeftPart(UriPartial.Authority));
            return send();
        };
        using var client = new PartnerClient(new PartnerClientOptions
        {
            BaseAddress = new Uri("http://live.partners.invalid/"),
            SandboxBaseAddress = sandboxAddress,
            ClientId = live.Credential.ClientId,
            ClientSecret = live.Credential.Secret,
            Environment = ApiEnvironment.Live,
            TimeProvider = platform.Clock,
        }, transport);

        var me = await client.Partner.GetAsync(new RequestOptions
        {
            Environment = ApiEnvironment.Sandbox,
            Credential = new PartnerCredential(sandbox.Credential.ClientId, sandbox.Credential.Secret),
        });

        Assert.Equal(sandbox.PartnerId, me.Id);
        Assert.Equal(ApiEnvironment.Sandbox, me.Environment);
        Assert.Equal([sandboxAddress.GetLeftPart(UriPartial.Authority)], hosts.Distinct());
        Assert.Equal(2, hosts.Count); // the token request and the call
    }

    [Fact]
    public async Task A_per_call_credential_of_the_other_environment_is_refused_before_anything_is_sent()
    {
        var (client, transport, _) = await platform.NewPartnerAsync();
        var live = await platform.NewPartnerSessionAsync("live");

        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.Partner.GetAsync(new RequestOptions { Credential = new PartnerCredential(live.Credential.ClientId, live.Credential.Secret) }));

        Assert.Contains("RequestOptions.Environment", refused.Message);
        Assert.Empty(transport.Requests);
    }

    [Fact]
    public void A_credential_never_shows_its_secret()
    {
        var credential = new PartnerCredential("sbx_agency_client", "sk_very_secret");

        Assert.DoesNotContain("sk_very_secret", credential.ToString());
        Assert.DoesNotContain("sk_very_secret", new RequestOptions { Credential = credential }.ToString());
    }
}
