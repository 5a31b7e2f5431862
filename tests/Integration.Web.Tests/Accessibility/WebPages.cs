namespace Integration.Web.Tests.Accessibility;

/// <summary>The pages a person reaches from the navigation, without an id of their own.</summary>
public static class WebPages
{
    public static readonly string[] Portal =
    [
        "/portal", "/portal/orders", "/portal/statements", "/portal/inventory", "/portal/transfers", "/portal/credentials", "/portal/request-log",
        "/portal/webhooks", "/portal/sandbox", "/portal/disputes", "/portal/insights", "/portal/docs", "/portal/docs/getting-started", "/portal/onboarding",
        "/portal/users",
    ];

    public static readonly string[] Console =
    [
        "/console", "/console/applications", "/console/disputes", "/console/live-credentials", "/console/audit", "/console/settlement",
        "/console/reminders", "/console/kpis",
    ];
}
