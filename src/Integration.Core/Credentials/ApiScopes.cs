namespace Integration.Core.Credentials;

/// <summary>The OAuth scopes a credential can carry. Each grants one kind of access to one resource.</summary>
public static class ApiScopes
{
    public const string OrdersRead = "orders:read";
    public const string OrdersWrite = "orders:write";
    public const string InventoryRead = "inventory:read";
    public const string InventoryWrite = "inventory:write";
    public const string SettlementsRead = "settlements:read";
    public const string DisputesWrite = "disputes:write";
    public const string WebhooksManage = "webhooks:manage";
    public const string EventsRead = "events:read";
    public const string OutletsRead = "outlets:read";
    public const string OutletsWrite = "outlets:write";
    public const string CustomersRead = "customers:read";
    public const string CustomersPiiRead = "customers:pii:read";
    public const string CustomersWrite = "customers:write";
    public const string InsightsRead = "insights:read";
    public const string CredentialsManage = "credentials:manage";

    /// <summary>Internal teams only; never granted to a partner credential.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> PartnerScopes { get; } =
        [
            OrdersRead, OrdersWrite, InventoryRead, InventoryWrite, SettlementsRead, DisputesWrite, WebhooksManage, EventsRead,
            OutletsRead, OutletsWrite, CustomersRead, CustomersPiiRead, CustomersWrite, InsightsRead,
            CredentialsManage,
        ];

    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        [OrdersRead] = "Read orders and their events.",
        [OrdersWrite] = "Create and cancel orders.",
        [InventoryRead] = "Read locations, stock levels, shared availability and transfers.",
        [InventoryWrite] = "Change locations, stock levels and transfers.",
        [SettlementsRead] = "Read settlement statements and disputes.",
        [DisputesWrite] = "Open disputes on orders and statement lines.",
        [WebhooksManage] = "Manage webhook subscriptions and read their delivery logs.",
        [EventsRead] = "Read the event log.",
        [OutletsRead] = "Read outlets, their daily activity reports and promotional events.",
        [OutletsWrite] = "Change outlets and report their daily activity and promotional events.",
        [CustomersRead] = "Read customers, with personal data masked.",
        [CustomersPiiRead] = "Read customers' personal data whole (names, phones, e-mail, addresses).",
        [CustomersWrite] = "Sync customers, their consents, and erase them.",
        [InsightsRead] = "Read KPIs, grades and rating history.",
        [CredentialsManage] = "List, create, rotate and revoke the partner's own credentials (new ones only with scopes this credential holds).",
        [Admin] = "Internal teams: the admin API.",
    };

    public static bool IsPartnerScope(string scope) => PartnerScopes.Contains(scope);
}
