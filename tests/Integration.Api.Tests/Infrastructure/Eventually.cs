namespace Integration.Api.Tests.Infrastructure;

public static class Eventually
{
    /// <summary>Polls until the condition holds; fails after <paramref name="within"/> (20 s by default).</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan? within = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what ?? "condition"} not reached within {(within ?? TimeSpan.FromSeconds(20)).TotalSeconds} s");
            await Task.Delay(100);
        }
    }
}
