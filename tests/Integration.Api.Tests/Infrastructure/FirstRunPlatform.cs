namespace Integration.Api.Tests.Infrastructure;

/// <summary>A platform as it is on its first run: the demo partner, its sandbox credential and the demo catalogue seeded.</summary>
public sealed class FirstRunPlatform : PlatformFactory
{
    public FirstRunPlatform() => Settings["Seed:DemoOnFirstRun"] = "true";
}
