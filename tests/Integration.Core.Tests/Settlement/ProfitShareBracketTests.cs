using Integration.Core.Agreements;
using Integration.Core.Settlement;

namespace Integration.Core.Tests.Settlement;

public sealed class ProfitShareBracketTests
{
    private static readonly ProfitShareBracket[] DomainBrackets = [new(1_000_000m, 0.15m), new(null, 0.20m)];

    [Theory]
    [InlineData(-50_000)]
    [InlineData(0)]
    [InlineData(900_000)]
    [InlineData(1_000_000)]
    [InlineData(1_200_000)]
    [InlineData(7_654_321.99)]
    public void BracketsStatingDomainMdsRates_GiveTheDefaultShare(double cumulative)
    {
        var x = (decimal)cumulative;

        Assert.Equal(ProfitShare.OnCumulative(x), ProfitShare.OnCumulative(x, DomainBrackets));
    }

    [Fact]
    public void ThreeBrackets_PriceEachPartAtItsRate()
    {
        ProfitShareBracket[] brackets = [new(500_000m, 0.10m), new(2_000_000m, 0.15m), new(null, 0.30m)];

        // 10% of 500,000 + 15% of 1,500,000 + 30% of 500,000
        Assert.Equal(50_000m + 225_000m + 150_000m, ProfitShare.OnCumulative(2_500_000m, brackets));
        Assert.Equal(ProfitShare.OnCumulative(2_500_000m, brackets) - ProfitShare.OnCumulative(400_000m, brackets),
            ProfitShare.ForPeriod(400_000m, 2_100_000m, brackets));
    }
}
