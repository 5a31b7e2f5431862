using Integration.Api.Tests.Settlement;
using Integration.Application.Settlement;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Web.Tests.Console;

/// <summary>The browser platform with the bank gateway played by WireMock; one failed attempt makes a payout need attention.</summary>
public sealed class SettlementBrowserPlatform : BrowserPlatform
{
    public SettlementBrowserPlatform() : this(new BankGatewaySimulator())
    {
    }

    private SettlementBrowserPlatform(BankGatewaySimulator bank) : base(new Dictionary<string, string>
    {
        ["Settlement:BankGateway:BaseUrl"] = bank.Url,
        ["Settlement:BankGateway:AttemptTimeout"] = "00:00:02",
        ["Settlement:BankGateway:TotalTimeout"] = "00:00:05",
        ["Settlement:BankGateway:RetryDelay"] = "00:00:00.050",
        ["Settlement:PayoutMaxAttempts"] = "1",
    })
    {
        Bank = bank;
    }

    public BankGatewaySimulator Bank { get; }

    /// <summary>What the payout job does once a minute: send what is due.</summary>
    public Task<int> RunPayoutsAsync() => Services.GetRequiredService<PayoutRunner>().RunOnceAsync(CancellationToken.None);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Bank.Dispose();
    }
}
