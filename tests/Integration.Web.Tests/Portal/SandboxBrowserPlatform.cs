namespace Integration.Web.Tests.Portal;

/// <summary>
/// The browser platform with a small threshold for background clock advances, which the test runs itself when it has seen
/// the advance running (as the API's SandboxClockAdvanceTests do).
/// </summary>
public sealed class SandboxBrowserPlatform : BrowserPlatform
{
    public SandboxBrowserPlatform()
    {
        Settings["Sandbox:Clock:AsynchronousAbove"] = "5";
        Settings["Sandbox:Clock:RunAdvancesInBackground"] = "false";
    }
}
