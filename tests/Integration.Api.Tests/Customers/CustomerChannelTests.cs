using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Customers;

/// <summary>Issue 23 part 2: the customer (CRM) channel — upsert by the partner's id, graded reading, consents, bulk, changes, erasure.</summary>
public sealed class CustomerChannelTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task A_put_creates_the_customer_then_replaces_it_and_a_stale_etag_is_412()
    {
        var session = await platform.CrmSessionAsync(whole: true);
        var externalId = CustomerSteps.NewExternalId();

        var created = await session.Client.PutCustomerAsync(externalId, CustomerSteps.Zhang());
        var first = await created.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("\"v1\"", created.Headers.ETag!.Tag);
        Assert.StartsWith("cus_", first["id"]!.GetValue<string>());
        Assert.Equal(externalId, first["externalId"]!.GetValue<string>());

        var replaced = await session.Client.PutCustomerAsync(externalId, new { name = "张三", phone = "13900001111" }, ifMatch: "\"v1\"");
        var second = await replaced.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("\"v2\"", replaced.Headers.ETag!.Tag);
        Assert.Equal(first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>());
        Assert.Equal("张三", second["name"]!.GetValue<string>());
        Assert.Null(second["email"]);
        Assert.Null(second["address"]);

        await (await session.Client.PutCustomerAsync(externalId, new { name = "张" }, ifMatch: "\"v1\"")).ReadProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        var read = await session.Client.GetAsync($"/v2/customers/{externalId}");
        Assert.Equal("13900001111", (await read.ReadJsonAsync(HttpStatusCode.OK))["phone"]!.GetValue<string>());
    }

    [Fact]
    public async Task Customers_read_scope_sees_personal_data_masked_as_domain_md_shows_and_pii_read_sees_it_whole()
    {
        var writer = await platform.CrmSessionAsync(whole: true);
        var externalId = CustomerSteps.NewExternalId();
        (await writer.Client.PutCustomerAsync(externalId, CustomerSteps.Zhang())).EnsureSuccessStatusCode();
        var maskedCredential = await platform.IssueCredentialAsync(writer.PartnerId, "sandbox", Core.Credentials.ApiScopes.CustomersRead);
        var masked = platform.ClientWithToken(await platform.TokenAsync(maskedCredential.ClientId, maskedCredential.Secret));

        var partial = await (await masked.GetAsync($"/v1/customers/{externalId}")).ReadJsonAsync(HttpStatusCode.OK);
        var whole = await (await writer.Client.GetAsync($"/v1/customers/{externalId}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("masked", partial["personalData"]!.GetValue<string>());
        Assert.Equal("张**", partial["name"]!.GetValue<string>());
        Assert.Equal("138****1234", partial["phone"]!.GetValue<string>());
        Assert.Equal("z***@example.com", partial["email"]!.GetValue<string>());
        Assert.Equal("CN-SH-PD", partial["address"]!["regionCode"]!.GetValue<string>());
        Assert.Null(partial["address"]!["line"]);
        Assert.Null(partial["address"]!["postalCode"]);
        Assert.Null(partial["address"]!["city"]);
        Assert.Equal("whole", whole["personalData"]!.GetValue<string>());
        Assert.Equal("张三丰", whole["name"]!.GetValue<string>());
        Assert.Equal("13812341234", whole["phone"]!.GetValue<string>());
        Assert.Equal("zhang.sanfeng@example.com", whole["email"]!.GetValue<string>());
        Assert.Equal("1200 Zhangjiang Road, Building 3", whole["address"]!["line"]!.GetValue<string>());
        var listed = await (await masked.GetAsync("/v2/customers?limit=100")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("138****1234", listed["data"]!.AsArray().Single(c => c!["externalId"]!.GetValue<string>() == externalId)!["phone"]!.GetValue<string>());
        // Writing needs customers:write.
        await (await masked.PutCustomerAsync(externalId, new { name = "x" })).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Personal_data_is_encrypted_at_rest_and_old_rows_stay_readable_after_the_key_rotates()
    {
        var session = await platform.CrmSessionAsync(whole: true);
        var before = CustomerSteps.NewExternalId();
        (await session.Client.PutCustomerAsync(before, CustomerSteps.Zhang())).EnsureSuccessStatusCode();

        var newKey = await platform.RotateKeyAsync();
        var after = CustomerSteps.NewExternalId();
        (await session.Client.PutCustomerAsync(after, new { name = "Li Wei", phone = "13700007777" })).EnsureSuccessStatusCode();

        Assert.Equal("13812341234", (await (await session.Client.GetAsync($"/v1/customers/{before}")).ReadJsonAsync(HttpStatusCode.OK))["phone"]!.GetValue<string>());
        Assert.Equal("13700007777", (await (await session.Client.GetAsync($"/v1/customers/{after}")).ReadJsonAsync(HttpStatusCode.OK))["phone"]!.GetValue<string>());
        var stored = await platform.WithDbAsync(db => db.Customers.IgnoreQueryFilters().Where(c => c.ExternalId == before || c.ExternalId == after)
            .ToDictionaryAsync(c => c.ExternalId!, c => c.ProtectedPhone!));
        Assert.DoesNotContain("13812341234", stored[before]);
        Assert.Equal(newKey, WrappingKey(stored[after]));
        Assert.NotEqual(newKey, WrappingKey(stored[before]));
    }

    // A field is ck1.{data key wrapped by the key ring}.{sealed field}: the key ring's key that wrapped it.
    private static Guid WrappingKey(string field) =>
        KeyRotation.KeyIdOf(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(field.Split('.')[1]));

    [Fact]
    public async Task A_bulk_encrypts_each_field_at_rest_and_its_rows_stay_readable_after_the_key_rotates()
    {
        var session = await platform.CrmSessionAsync(whole: true);
        var before = CustomerSteps.NewExternalId();
        var after = CustomerSteps.NewExternalId();
        async Task BulkAsync(string externalId, string phone) => await (await session.Client.PostAsJsonAsync("/v2/customers/bulk", new
        {
            rows = new[] { new { externalId, name = "张三丰", phone, email = "zhang.sanfeng@example.com", address = new { line = "1200 Zhangjiang Road", city = "Shanghai", country = "CN" } } },
        })).ReadJsonAsync(HttpStatusCode.OK);
        await BulkAsync(before, "13812341234");

        var newKey = await platform.RotateKeyAsync();
        await BulkAsync(after, "13700007777");

        var read = await (await session.Client.GetAsync($"/v2/customers/{before}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("张三丰", "13812341234", "zhang.sanfeng@example.com", "1200 Zhangjiang Road"),
            (read["name"]!.GetValue<string>(), read["phone"]!.GetValue<string>(), read["email"]!.GetValue<string>(), read["address"]!["line"]!.GetValue<string>()));
        Assert.Equal("13700007777", (await (await session.Client.GetAsync($"/v2/customers/{after}")).ReadJsonAsync(HttpStatusCode.OK))["phone"]!.GetValue<string>());
        var stored = await platform.WithDbAsync(db => db.Customers.IgnoreQueryFilters().Where(c => c.ExternalId == before || c.ExternalId == after).ToListAsync());
        foreach (var customer in stored)
        {
            var fields = new[] { customer.ProtectedName!, customer.ProtectedPhone!, customer.ProtectedEmail!, customer.ProtectedAddress! };
            Assert.All(fields, f => Assert.DoesNotContain("Zhangjiang", f));
            Assert.All(fields, f => Assert.DoesNotContain(customer.ExternalId == before ? "13812341234" : "13700007777", f));
            Assert.Equal(4, fields.Distinct().Count()); // each field its own ciphertext
        }
        Assert.Equal(newKey, WrappingKey(stored.Single(c => c.ExternalId == after).ProtectedPhone!));
        Assert.NotEqual(newKey, WrappingKey(stored.Single(c => c.ExternalId == before).ProtectedPhone!));
    }

    [Fact]
    public async Task Consents_keep_their_time_source_and_history_and_one_without_a_source_is_400()
    {
        var session = await platform.CrmSessionAsync();
        var externalId = CustomerSteps.NewExternalId();
        (await session.Client.PutCustomerAsync(externalId, CustomerSteps.Zhang("pos:store-12"))).EnsureSuccessStatusCode();

        var withdrawn = new { consents = new[] { new { purpose = "marketing", granted = false, at = "2026-11-30T09:00:00Z", source = "app:settings" } } };
        var customer = await (await session.Client.PutCustomerAsync(externalId, withdrawn)).ReadJsonAsync(HttpStatusCode.OK);
        var noSource = new { consents = new[] { new { purpose = "data_sharing", granted = true, at = "2026-11-30T09:00:00Z" } } };
        var refused = await (await session.Client.PutCustomerAsync(externalId, noSource)).ReadProblemAsync(HttpStatusCode.BadRequest);

        var inForce = customer["consents"]!.AsArray().Single()!;
        Assert.Equal("marketing", inForce["purpose"]!.GetValue<string>());
        Assert.False(inForce["granted"]!.GetValue<bool>());
        Assert.Equal("app:settings", inForce["source"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2026-11-30T09:00:00Z"), inForce["at"]!.GetValue<DateTimeOffset>());
        Assert.Contains(refused["errors"]!.AsObject(), e => e.Key.EndsWith("source", StringComparison.OrdinalIgnoreCase));
        var history = (await (await session.Client.GetAsync($"/v2/customers/{externalId}/consents")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        Assert.Equal([("pos:store-12", true), ("app:settings", false)], history.Select(h => (h!["source"]!.GetValue<string>(), h["granted"]!.GetValue<bool>())));
    }

    [Fact]
    public async Task A_bulk_upsert_reports_each_row_and_keeps_the_good_ones()
    {
        var session = await platform.CrmSessionAsync(whole: true);
        var existing = CustomerSteps.NewExternalId();
        (await session.Client.PutCustomerAsync(existing, CustomerSteps.Zhang())).EnsureSuccessStatusCode();
        var fresh = CustomerSteps.NewExternalId();

        var response = await session.Client.PostAsJsonAsync("/v1/customers/bulk", new
        {
            rows = new object[]
            {
                new { externalId = fresh, name = "Li Wei", phone = "13700007777" },
                new { externalId = existing, name = "张三", email = "zhang@example.com" },
                new { externalId = CustomerSteps.NewExternalId(), phone = "12" },
                new { externalId = CustomerSteps.NewExternalId(), consents = new[] { new { purpose = "marketing", granted = true, at = "2026-11-30T09:00:00Z" } } },
                new { externalId = fresh, name = "Twice" },
            },
        });
        var outcome = await response.ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal((1, 1, 3), (outcome["created"]!.GetValue<int>(), outcome["updated"]!.GetValue<int>(), outcome["rejected"]!.GetValue<int>()));
        var results = outcome["results"]!.AsArray();
        Assert.Equal(["created", "updated", "rejected", "rejected", "rejected"], results.Select(r => r!["status"]!.GetValue<string>()));
        Assert.Equal([0, 1, 2, 3, 4], results.Select(r => r!["index"]!.GetValue<int>()));
        Assert.Equal("phone", results[2]!["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal("consents[0].source", results[3]!["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal("externalId", results[4]!["errors"]![0]!["field"]!.GetValue<string>());
        Assert.DoesNotContain("12", results[2]!["errors"]![0]!["reason"]!.GetValue<string>().Split(' '));
        Assert.Equal("13700007777", (await (await session.Client.GetAsync($"/v1/customers/{fresh}")).ReadJsonAsync(HttpStatusCode.OK))["phone"]!.GetValue<string>());
        var updated = await (await session.Client.GetAsync($"/v1/customers/{existing}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("张三", 2), (updated["name"]!.GetValue<string>(), updated["version"]!.GetValue<int>()));
        Assert.Equal("marketing", updated["consents"]![0]!["purpose"]!.GetValue<string>()); // a bulk row without consents keeps the history
    }

    [Fact]
    public async Task A_bulk_upsert_over_5000_rows_is_a_problem()
    {
        var session = await platform.CrmSessionAsync();
        var rows = Enumerable.Range(0, 5_001).Select(i => new { externalId = $"B-{i}" }).ToArray();

        var response = await session.Client.PostAsJsonAsync("/v1/customers/bulk", new { rows });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("rows"));
    }

    [Fact]
    public async Task The_change_feed_lists_creations_updates_and_erasures_without_personal_data()
    {
        var session = await platform.CrmSessionAsync();
        var externalId = CustomerSteps.NewExternalId();
        var id = (await (await session.Client.PutCustomerAsync(externalId, CustomerSteps.Zhang())).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        (await session.Client.PutCustomerAsync(externalId, new { name = "张三" })).EnsureSuccessStatusCode();
        var page = await (await session.Client.GetAsync("/v1/customers/changes?limit=1")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("created", page["data"]![0]!["change"]!.GetValue<string>());
        Assert.Equal(externalId, page["data"]![0]!["externalId"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await session.Client.DeleteAsync($"/v1/customers/{externalId}")).StatusCode);
        var rest = await session.Client.GetAsync($"/v1/customers/changes?cursor={page["nextCursor"]!.GetValue<string>()}");
        var text = await rest.Content.ReadAsStringAsync();

        var changes = (await rest.ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        Assert.Equal([("updated", 2), ("erased", 3)], changes.Select(c => (c!["change"]!.GetValue<string>(), c["version"]!.GetValue<int>())));
        Assert.All(changes, c => Assert.Equal(id, c!["customerId"]!.GetValue<string>()));
        Assert.All(changes, c => Assert.Null(c!["externalId"]));
        Assert.DoesNotContain("张", text);
        Assert.DoesNotContain(externalId, text);
    }

    [Fact]
    public async Task Erasure_leaves_no_personal_data_in_the_database_file_and_frees_the_id()
    {
        if (TestDatabase.UsesPostgres)
        {
            return; // the file is SQLite's; PostgreSQL drops old row versions at its next vacuum (docs/customers.md)
        }
        var session = await platform.CrmSessionAsync(whole: true);
        // The partner's id for the customer is its phone number: it must go too.
        const string phone = "13987654321";
        const string email = "erase.me.4821@example.com";
        var body = new { name = "王小明", phone, email, address = new { line = "88 Erasure Lane 4821", city = "Hangzhou", regionCode = "CN-ZJ-HZ", country = "CN" } };
        (await session.Client.PutCustomerAsync(phone, body)).EnsureSuccessStatusCode();
        (await session.Client.PutCustomerAsync(phone, body)).EnsureSuccessStatusCode();
        // An order names the customer; its POST's saved answer (replayed to retries for 24 hours) names it too.
        var sku = await platform.CommerceReadyAsync();
        (await session.Client.PostOrderAsync(new
        {
            reference = "PO-" + Guid.NewGuid().ToString("N")[..10], lines = new[] { new { sku, quantity = 1 } }, customerExternalId = phone,
        })).EnsureSuccessStatusCode();
        await session.Client.GetAsync($"/v1/customers/{phone}/nothing-here");

        Assert.Equal(HttpStatusCode.NoContent, (await session.Client.DeleteAsync($"/v1/customers/{phone}")).StatusCode);

        await (await session.Client.GetAsync($"/v1/customers/{phone}")).ReadProblemAsync(HttpStatusCode.NotFound);
        // The request log has every call written (reading it waits for that), with the id left out of the path.
        var logged = (await (await session.Client.GetAsync("/v2/request-log?path=/v1/customers")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        var paths = logged.Select(l => l!["path"]!.GetValue<string>()).ToList();
        Assert.True(paths.Count >= 4, string.Join(", ", paths));
        Assert.All(paths, p => Assert.StartsWith("/v1/customers/{externalId}", p));
        var stored = DatabaseFileBytes.Of(platform.Database);
        Assert.True(stored.Length > 0);
        foreach (var personal in new[] { phone, email, "王小明", "Erasure Lane 4821" })
        {
            Assert.True(stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(personal)) < 0, $"'{personal}' is still in the database file.");
        }
        var again = await session.Client.PutCustomerAsync(phone, new { name = "A new customer" });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task An_erased_customers_orders_stay_and_keep_counting_without_its_id()
    {
        var sku = await platform.CommerceReadyAsync();
        var session = await platform.CrmSessionAsync();
        var externalId = CustomerSteps.NewExternalId();
        var customerId = (await (await session.Client.PutCustomerAsync(externalId, CustomerSteps.Zhang())).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var orderBody = new
        {
            reference = "PO-" + Guid.NewGuid().ToString("N")[..10], lines = new[] { new { sku, quantity = 1 } }, customerExternalId = externalId,
        };
        var key = Guid.NewGuid().ToString();
        var order = await (await session.Client.PostOrderAsync(orderBody, key)).ReadJsonAsync(HttpStatusCode.Created);
        var orderId = order["id"]!.GetValue<string>();
        Assert.Equal(externalId, order["customerExternalId"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await session.Client.DeleteAsync($"/v1/customers/{externalId}")).StatusCode);

        var after = await (await session.Client.GetAsync($"/v1/orders/{orderId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Null(after["customerExternalId"]);
        // A retry of the order's POST still gets the same order, not a second one, and no longer names the erased customer.
        var replayed = await (await session.Client.PostOrderAsync(orderBody, key)).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(orderId, replayed["id"]!.GetValue<string>());
        Assert.Null(replayed["customerExternalId"]);
        Assert.Equal(order["total"]!.ToJsonString(), replayed["total"]!.ToJsonString());
        Assert.Equal(order["total"]!.ToJsonString(), after["total"]!.ToJsonString());
        var kept = await platform.WithDbAsync(db => db.Orders.IgnoreQueryFilters().Where(o => o.Id == orderId).Select(o => o.CustomerId).SingleAsync());
        Assert.Equal(customerId, kept);
        await (await session.Client.DeleteAsync($"/v1/customers/{externalId}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_partners_customer_and_the_other_environments_do_not_exist()
    {
        var owner = await platform.CrmSessionAsync(whole: true);
        var other = await platform.CrmSessionAsync(whole: true);
        var externalId = CustomerSteps.NewExternalId();
        (await owner.Client.PutCustomerAsync(externalId, CustomerSteps.Zhang())).EnsureSuccessStatusCode();
        var live = await platform.IssueCredentialAsync(owner.PartnerId, "live", Core.Credentials.ApiScopes.CustomersRead, Core.Credentials.ApiScopes.CustomersWrite);
        var ownerLive = platform.ClientWithToken(await platform.TokenAsync(live.ClientId, live.Secret));

        await (await other.Client.GetAsync($"/v1/customers/{externalId}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await other.Client.DeleteAsync($"/v1/customers/{externalId}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await ownerLive.GetAsync($"/v1/customers/{externalId}")).ReadProblemAsync(HttpStatusCode.NotFound);
        var listed = await (await other.Client.GetAsync("/v1/customers")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(listed["data"]!.AsArray());
        // The same id names a different customer in live.
        Assert.Equal(HttpStatusCode.Created, (await ownerLive.PutCustomerAsync(externalId, new { name = "Live one" })).StatusCode);
        Assert.Equal("张三丰", (await (await owner.Client.GetAsync($"/v1/customers/{externalId}")).ReadJsonAsync(HttpStatusCode.OK))["name"]!.GetValue<string>());
    }
}
