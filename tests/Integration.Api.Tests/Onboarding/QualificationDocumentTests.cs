using System.Net;
using System.Security.Cryptography;
using System.Text;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Onboarding;

/// <summary>Issue 22 part 2: documents checked by content, at most 10 MB, encrypted at rest, read only by their applicant and DocumentsRead.</summary>
public sealed class QualificationDocumentTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task An_uploaded_licence_reads_back_as_sent_with_its_sha256()
    {
        var applicant = await platform.CreateApplicationAsync();
        var pdf = OnboardingSteps.Pdf("LICENCE-91310000MA1FL0000X");

        var uploaded = await (await applicant.Client.UploadAsync("business_licence", pdf, "business-licence.pdf", expiresOn: "2030-06-30")).ReadJsonAsync(HttpStatusCode.Created);

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        Assert.Equal(sha256, uploaded["sha256"]!.GetValue<string>());
        Assert.Equal("application/pdf", uploaded["contentType"]!.GetValue<string>());
        Assert.Equal("2030-06-30", uploaded["expiresOn"]!.GetValue<string>());
        var id = uploaded["id"]!.GetValue<string>();
        var own = await applicant.Client.GetAsync($"/v2/application/documents/{id}/content");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(pdf, await own.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", own.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(pdf))}:", own.Headers.GetValues("Repr-Digest").Single());
        var admin = await platform.AdminClientAsync();
        Assert.Equal(pdf, await (await admin.GetAsync($"/admin/v1/applications/{applicant.ApplicationId}/documents/{id}/content")).Content.ReadAsByteArrayAsync());
        var listed = await (await admin.GetAsync($"/admin/v1/applications/{applicant.ApplicationId}/documents")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("business-licence.pdf", Assert.Single(listed.AsArray())!["fileName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_applicant_gets_404_for_a_document_that_is_not_its_own()
    {
        var owner = await platform.CreateApplicationAsync();
        var other = await platform.CreateApplicationAsync();
        var id = (await (await owner.Client.UploadAsync("legal_representative_id", OnboardingSteps.Png, "id-card.png", "image/png")).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();

        await (await other.Client.GetAsync($"/v2/application/documents/{id}/content")).ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        Assert.Empty((await (await other.Client.GetAsync("/v2/application/documents")).ReadJsonAsync(HttpStatusCode.OK)).AsArray());
        var admin = await platform.AdminClientAsync();
        await (await admin.GetAsync($"/admin/v1/applications/{other.ApplicationId}/documents/{id}/content")).ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
    }

    public static TheoryData<string, byte[], string, string, HttpStatusCode, string> BadUploads => new()
    {
        { "an executable", [0x4D, 0x5A, 0x90, 0x00, 0x03], "licence.pdf", "application/pdf", HttpStatusCode.UnsupportedMediaType, "unsupported_document_type" },
        { "HTML sent as a PDF (forged content type)", Encoding.ASCII.GetBytes("<html><script>alert(1)</script></html>"), "licence.pdf", "application/pdf", HttpStatusCode.UnsupportedMediaType, "unsupported_document_type" },
        { "a PDF sent as a PNG", OnboardingSteps.Pdf("x"), "licence.png", "image/png", HttpStatusCode.UnsupportedMediaType, "document_type_mismatch" },
        { "a PDF sent as text/html", OnboardingSteps.Pdf("x"), "licence.pdf", "text/html", HttpStatusCode.UnsupportedMediaType, "document_type_mismatch" },
        { "a parent path", OnboardingSteps.Pdf("x"), "../../etc/licence.pdf", "application/pdf", HttpStatusCode.BadRequest, "invalid_file_name" },
        { "a Windows path", OnboardingSteps.Pdf("x"), "C:\\\\temp\\\\licence.pdf", "application/pdf", HttpStatusCode.BadRequest, "invalid_file_name" },
        { "a hidden name", OnboardingSteps.Pdf("x"), ".htaccess", "application/pdf", HttpStatusCode.BadRequest, "invalid_file_name" },
        { "more than 10 MB", [.. OnboardingSteps.Pdf("x"), .. new byte[10 * 1024 * 1024]], "licence.pdf", "application/pdf", HttpStatusCode.RequestEntityTooLarge, "document_too_large" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_bad_upload_is_a_problem_and_writes_nothing(string what, byte[] content, string fileName, string contentType, HttpStatusCode status, string code)
    {
        var applicant = await platform.CreateApplicationAsync();

        var response = await applicant.Client.UploadAsync("business_licence", content, fileName, contentType);

        var problem = await response.ReadProblemAsync(status, code);
        Assert.False(string.IsNullOrEmpty(problem["detail"]?.GetValue<string>()), what);
        Assert.Empty((await (await applicant.Client.GetAsync("/v2/application/documents")).ReadJsonAsync(HttpStatusCode.OK)).AsArray());
    }

    [Fact]
    public async Task An_unknown_document_kind_is_400()
    {
        var applicant = await platform.CreateApplicationAsync();

        await (await applicant.Client.UploadAsync("passport_photo", OnboardingSteps.Pdf("x"))).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_document_is_not_in_the_database_file_in_clear()
    {
        if (TestDatabase.UsesPostgres)
        {
            return; // the file is SQLite's; on PostgreSQL the same bytes go through the same protector
        }
        var applicant = await platform.CreateApplicationAsync();
        var marker = "CLEARTEXT-" + Guid.NewGuid().ToString("N");
        await (await applicant.Client.UploadAsync("business_licence", OnboardingSteps.Pdf(marker))).ReadJsonAsync(HttpStatusCode.Created);

        var stored = DatabaseFileBytes.Of(platform.Database);

        Assert.True(stored.Length > 0);
        Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.ASCII.GetBytes(marker)));
        Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj")));
    }

    [Fact]
    public async Task Documents_stay_readable_after_the_key_is_rotated()
    {
        var applicant = await platform.CreateApplicationAsync();
        var before = OnboardingSteps.Pdf("before rotation");
        var beforeId = (await (await applicant.Client.UploadAsync("business_licence", before)).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();

        var newKey = await platform.RotateKeyAsync();
        var after = OnboardingSteps.Pdf("after rotation");
        var afterId = (await (await applicant.Client.UploadAsync("iso_certificate", after)).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();

        Assert.Equal(before, await (await applicant.Client.GetAsync($"/v2/application/documents/{beforeId}/content")).Content.ReadAsByteArrayAsync());
        Assert.Equal(after, await (await applicant.Client.GetAsync($"/v2/application/documents/{afterId}/content")).Content.ReadAsByteArrayAsync());
        // The protected payload names its key (bytes 4–19 after the magic header): the new document used the new key.
        var keyIds = await platform.WithDbAsync(async db => await db.QualificationDocuments.Where(d => d.Id == beforeId || d.Id == afterId)
            .ToDictionaryAsync(d => d.Id, d => KeyRotation.KeyIdOf(d.Content)));
        Assert.Equal(newKey, keyIds[afterId]);
        Assert.NotEqual(newKey, keyIds[beforeId]);
    }
}
