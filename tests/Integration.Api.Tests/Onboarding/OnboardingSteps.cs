using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Onboarding;

/// <summary>An applicant holding the sandbox credential its application gave it.</summary>
public sealed record Applicant(string ApplicationId, string PartnerId, string ClientId, string Secret, HttpClient Client);

/// <summary>Applying, confirming, uploading: the applicant's and the reviewer's steps through the real API.</summary>
public static partial class OnboardingSteps
{
    public static Dictionary<string, object?> ApplicationBody(
        string? email = null, bool retail = false, int warehouse = 800, string foundedOn = "2015-03-01", int outlets = 4, string[]? regions = null) => new()
    {
        ["companyName"] = "Shanghai Leather Trading " + Guid.NewGuid().ToString("N")[..6],
        ["contacts"] = new[] { new Dictionary<string, object?> { ["name"] = "Li Wei", ["email"] = email ?? NewEmail(), ["phone"] = "+86 21 5555 0101", ["role"] = "Legal representative" } },
        ["cooperationMode"] = "regional_distribution",
        ["regions"] = regions ?? ["CN-SH", "CN-JS"],
        ["foundedOn"] = foundedOn,
        ["warehouseAreaSquareMetres"] = warehouse,
        ["outlets"] = outlets,
        ["retail"] = retail,
    };

    public static string NewEmail() => $"li.wei.{Guid.NewGuid().ToString("N")[..8]}@example.com";

    public static Task<HttpResponseMessage> ApplyAsync(this PlatformFactory platform, object body, string version = "v2") =>
        platform.SignUpSiteClient().PostAsJsonAsync($"/{version}/applications", body);

    /// <summary>A client of the brand's sign-up site: it sends the site's publishable application key.</summary>
    public static HttpClient SignUpSiteClient(this PlatformFactory platform, string? applicationKey = PlatformFactory.ApplicationKey)
    {
        var client = platform.CreateClient();
        if (applicationKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Application-Key", applicationKey);
        }
        return client;
    }

    /// <summary>The messages sent to <paramref name="email"/>, oldest first.</summary>
    public static IReadOnlyList<string> MailTo(this PlatformFactory platform, string email) =>
        Directory.Exists(platform.MailFolder)
            ? [.. Directory.GetFiles(platform.MailFolder, "*.eml").Order().Select(File.ReadAllText).Where(m => m.Contains($"To: {email}\r\n"))]
            : [];

    public static string TokenIn(string mail) => TokenPattern().Match(mail) is { Success: true } match ? match.Value : throw new Xunit.Sdk.XunitException("no token in:\n" + mail);

    public static Task<HttpResponseMessage> ConfirmAsync(this PlatformFactory platform, string token, string version = "v2") =>
        platform.SignUpSiteClient().PostAsJsonAsync($"/{version}/applications/confirm", new { token });

    /// <summary>Applies on the public endpoint, confirms with the e-mailed token, and signs in with the sandbox credential.</summary>
    public static async Task<Applicant> ApplyAndConfirmAsync(this PlatformFactory platform, Dictionary<string, object?>? body = null)
    {
        body ??= ApplicationBody();
        var email = ((Dictionary<string, object?>[])body["contacts"]!)[0]["email"]!.ToString()!;
        await (await platform.ApplyAsync(body)).ReadJsonAsync(HttpStatusCode.Accepted);
        var confirmed = await (await platform.ConfirmAsync(TokenIn(platform.MailTo(email).Single()))).ReadJsonAsync(HttpStatusCode.Created);
        return await SignInAsync(platform, confirmed);
    }

    /// <summary>An internal team enters the application; the applicant gets the sandbox credential from that answer.</summary>
    public static async Task<Applicant> CreateApplicationAsync(this PlatformFactory platform, Dictionary<string, object?>? body = null)
    {
        var admin = await platform.AdminClientAsync();
        var created = await (await admin.PostAsJsonAsync("/admin/v1/applications", body ?? ApplicationBody())).ReadJsonAsync(HttpStatusCode.Created);
        return await SignInAsync(platform, created);
    }

    private static async Task<Applicant> SignInAsync(PlatformFactory platform, JsonNode submitted)
    {
        var clientId = submitted["sandboxCredential"]!["credential"]!["clientId"]!.GetValue<string>();
        var secret = submitted["sandboxCredential"]!["clientSecret"]!.GetValue<string>();
        var token = await platform.TokenAsync(clientId, secret);
        return new Applicant(submitted["application"]!["id"]!.GetValue<string>(), submitted["application"]!["partnerId"]!.GetValue<string>(),
            clientId, secret, platform.ClientWithToken(token));
    }

    public static async Task<HttpResponseMessage> UploadAsync(
        this HttpClient client, string kind, byte[] content, string fileName = "document.pdf", string contentType = "application/pdf", string? expiresOn = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
        if (expiresOn is not null)
        {
            form.Add(new StringContent(expiresOn), "expiresOn");
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        // Set by hand: MultipartFormDataContent would quote and escape the name, and the tests send odd names on purpose.
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"{fileName}\"");
        form.Add(file);
        return await client.PostAsync("/v2/application/documents", form);
    }

    /// <summary>A small PDF carrying <paramref name="marker"/> in clear, as scanned licences carry their numbers.</summary>
    public static byte[] Pdf(string marker) => Encoding.ASCII.GetBytes(
        $"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% {marker} {marker} {marker}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    public static async Task<JsonNode> AdminPostAsync(this PlatformFactory platform, string path, object? body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var admin = await platform.AdminClientAsync();
        var response = body is null ? await admin.PostAsync(path, null) : await admin.PostAsJsonAsync(path, body);
        return expected == HttpStatusCode.OK ? await response.ReadJsonAsync(expected) : await response.ReadProblemAsync(expected);
    }

    [GeneratedRegex("apc_[0-9a-z]{43}")]
    private static partial Regex TokenPattern();
}
