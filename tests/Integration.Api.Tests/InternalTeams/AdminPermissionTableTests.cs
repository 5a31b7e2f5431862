using System.Net;
using System.Text;
using Integration.Api.OAuth;
using Integration.Api.People;
using Microsoft.AspNetCore.Mvc.Controllers;
using Integration.Api.Tests.Infrastructure;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Api.Tests.InternalTeams;

/// <summary>
/// Every admin endpoint of the running platform, against every role: refused with 403 <c>insufficient_role</c>
/// exactly when the role → permission map says so. A new admin endpoint without a declared permission fails here.
/// </summary>
public sealed class AdminPermissionTableTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public void Every_admin_endpoint_declares_the_permission_it_needs()
    {
        var undeclared = AdminEndpoints().Where(e => e.Permissions.Count == 0).Select(e => e.ToString()).ToList();

        Assert.True(undeclared.Count == 0, "Admin endpoints without [AdminAccess(AdminPermission.…)]: " + string.Join(", ", undeclared));
        Assert.True(AdminEndpoints().Count > 40, "the admin endpoints were not found");
    }

    [Fact]
    public async Task Each_role_against_each_admin_endpoint_is_refused_exactly_as_the_map_says()
    {
        var clients = new Dictionary<InternalRole, HttpClient>();
        foreach (var role in InternalRoles.Every)
        {
            clients[role] = await platform.ClientWithRoleAsync(role);
        }
        var mismatches = new List<string>();
        foreach (var endpoint in AdminEndpoints())
        {
            foreach (var role in InternalRoles.Every)
            {
                var allowed = endpoint.Permissions.All(p => RolePermissions.Grants([role], p));
                // A body with a field no request has: a request that passes the gate stops at validation (400), writing nothing.
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path);
                if (endpoint.Method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("""{ "notARealField": true }""", Encoding.UTF8, "application/json");
                }
                var response = await clients[role].SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var refused = response.StatusCode == HttpStatusCode.Forbidden && body.Contains("\"insufficient_role\"");
                if (refused == allowed)
                {
                    mismatches.Add($"{SnakeCase.Of(role)} {endpoint}: expected {(allowed ? "through the gate" : "403 insufficient_role")}, got {(int)response.StatusCode} {body}");
                }
                else if (refused && !endpoint.Permissions.Any(p => System.Text.Json.Nodes.JsonNode.Parse(body)!["detail"]!.GetValue<string>().Contains($"'{p}'")))
                {
                    mismatches.Add($"{SnakeCase.Of(role)} {endpoint}: the refusal does not name the permission: {body}");
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void The_operator_page_shows_the_map_the_platform_enforces()
    {
        var roles = InternalRoles.Every;
        var table = new StringBuilder()
            .Append("| permission | ").AppendJoin(" | ", roles.Select(r => $"`{SnakeCase.Of(r)}`")).Append(" |\n")
            .Append("|---|").Append(string.Concat(roles.Select(_ => "---|"))).Append('\n');
        foreach (var permission in RolePermissions.All)
        {
            table.Append($"| `{permission}` | ").AppendJoin(" | ", roles.Select(r => RolePermissions.Grants([r], permission) ? "✓" : "")).Append(" |\n");
        }

        var page = File.ReadAllText(RepositoryFiles.PathOf("docs", "internal-roles.md")).ReplaceLineEndings("\n");

        Assert.True(page.Contains(table.ToString()), "docs/internal-roles.md › Permissions should hold this table:\n" + table);
    }

    [Fact]
    public async Task A_partner_token_is_still_refused_on_the_admin_api_as_admin_only()
    {
        var partner = await platform.NewPartnerSessionAsync();

        await (await partner.Client.GetAsync("/admin/v1/partners")).ReadProblemAsync(HttpStatusCode.Forbidden, "admin_only");
    }

    private List<AdminEndpoint> AdminEndpoints() =>
        platform.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("admin/", StringComparison.Ordinal) == true)
            // People's sign-in and authenticator enrollment come before any role; they are not admin operations.
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>()?.ControllerTypeInfo != typeof(SessionController))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new AdminEndpoint(
                method, Concrete(e.RoutePattern.RawText!), [.. e.Metadata.GetOrderedMetadata<AdminAccessAttribute>().Select(a => a.Permission).Distinct()])))
            .ToList();

    /// <summary>Route parameters filled with values that name nothing, so every request is harmless.</summary>
    private static string Concrete(string template)
    {
        var path = "/" + template.TrimStart('/');
        path = System.Text.RegularExpressions.Regex.Replace(path, @"\{version[^}]*\}", "1");
        path = path.Replace("{environment}", "sandbox");
        return System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", "missing_0");
    }

    private sealed record AdminEndpoint(string Method, string Path, IReadOnlyList<string> Permissions)
    {
        public override string ToString() => $"{Method} {Path} [{string.Join(", ", Permissions)}]";
    }
}
