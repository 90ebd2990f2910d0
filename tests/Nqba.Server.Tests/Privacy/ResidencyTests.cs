using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Tests.Privacy;

public sealed class ResidencyTests(ResidencyFactory factory) : IClassFixture<ResidencyFactory>
{
    private async Task<Guid> CaptureAsync(string name, string email, string region)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/leads", new
        {
            name,
            email,
            company = "Residency Test",
            regionCode = region,
            source = "WebForm",
            language = "en",
            message = "Personal message of " + name,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid();
    }

    /// <summary>The personal columns of one lead and its contact, as the main database holds them.</summary>
    private async Task<List<string>> MainDatabaseValuesAsync(Guid leadId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var id = leadId.ToString().ToUpperInvariant();
        command.CommandText =
            $"SELECT l.\"ContactName\", l.\"ContactEmail\", l.\"Notes\", c.\"Name\", c.\"Email\" FROM intake_leads l JOIN intake_contacts c ON c.\"Id\" = l.\"ContactId\" WHERE upper(CAST(l.\"Id\" AS TEXT)) = '{id}'";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return [.. Enumerable.Range(0, 5).Select(reader.GetString)];
    }

    private async Task<List<string>> EuStoreValuesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={factory.EuStorePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Value\" FROM residency_values";
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    [Fact]
    public async Task EuClient_PersonalDataIsWrittenToTheEuStore_AndOnlyReferencedInTheUsDatabase()
    {
        var before = await EuStoreValuesAsync();

        var email = $"elena@eu-{Guid.NewGuid():N}.example";
        var leadId = await CaptureAsync("Elena Europa", email, "europe");

        var main = await MainDatabaseValuesAsync(leadId);
        Assert.All(main, v => Assert.StartsWith("res1:EU:", v, StringComparison.Ordinal));
        Assert.DoesNotContain(main, v => v.Contains(FieldProtector.Prefix, StringComparison.Ordinal));
        var added = (await EuStoreValuesAsync()).Except(before).ToList();
        Assert.Equal(5, added.Count);
        Assert.All(added, v => Assert.StartsWith(FieldProtector.Prefix, v, StringComparison.Ordinal));
        var admin = await factory.CreateAdminClientAsync();
        var lead = await admin.GetFromJsonAsync<JsonElement>($"/api/leads/{leadId}");
        Assert.Equal("Elena Europa", lead.GetProperty("contactName").GetString());
        Assert.Equal(email, lead.GetProperty("contactEmail").GetString());
    }

    [Fact]
    public async Task UsClient_PersonalDataStaysInTheMainDatabase()
    {
        var before = (await EuStoreValuesAsync()).Count;

        var leadId = await CaptureAsync("Uma States", $"uma@us-{Guid.NewGuid():N}.example", "us-east");

        var main = await MainDatabaseValuesAsync(leadId);
        Assert.All(main, v => Assert.StartsWith(FieldProtector.Prefix, v, StringComparison.Ordinal));
        Assert.Equal(before, (await EuStoreValuesAsync()).Count);
    }

    [Fact]
    public async Task StaffLeadList_ReadsEachRegionsStore_WithoutCopyingData()
    {
        var eu = $"Eva List {Guid.NewGuid():N}";
        var us = $"Ulf List {Guid.NewGuid():N}";
        await CaptureAsync(eu, $"eva@eu-{Guid.NewGuid():N}.example", "europe");
        await CaptureAsync(us, $"ulf@us-{Guid.NewGuid():N}.example", "us-west");
        var admin = await factory.CreateAdminClientAsync();

        var leads = await admin.GetStringAsync("/api/leads");

        Assert.Contains(eu, leads, StringComparison.Ordinal);
        Assert.Contains(us, leads, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EuClient_Rectification_RewritesTheValueInItsZone()
    {
        var admin = await factory.CreateAdminClientAsync();
        var email = $"rick@eu-{Guid.NewGuid():N}.example";
        var leadId = await CaptureAsync("Rick Wrong", email, "europe");
        var count = (await EuStoreValuesAsync()).Count;
        var request = await (await admin.PostAsJsonAsync("/api/privacy/requests", new { kind = "Rectification", law = "Gdpr", email, name = "Rick Right" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        (await admin.PostAsync($"/api/privacy/requests/{request.GetProperty("id").GetGuid()}/complete", null)).EnsureSuccessStatusCode();

        var lead = await admin.GetFromJsonAsync<JsonElement>($"/api/leads/{leadId}");
        Assert.Equal("Rick Right", lead.GetProperty("contactName").GetString());
        Assert.Equal(count, (await EuStoreValuesAsync()).Count);
        Assert.All(await MainDatabaseValuesAsync(leadId), v => Assert.StartsWith("res1:EU:", v, StringComparison.Ordinal));
    }

    private async Task<byte[]> MainAttachmentContentAsync(Guid attachmentId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<SupportDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"Content\" FROM support_attachments WHERE upper(CAST(\"Id\" AS TEXT)) = '{attachmentId.ToString().ToUpperInvariant()}'";
        return (byte[])(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task EuClient_TicketAttachment_IsKeptInTheEuStore_AndErasureOverwritesItThere()
    {
        var email = $"nina-{Guid.NewGuid():N}@nordwerk.example";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, DemoCompany.NordWerk);
        var client = await factory.CreateClientForAsync(email, password);
        var before = await EuStoreValuesAsync();
        var original = "EU invoice lines: 4711;Nina"u8.ToArray();
        var created = await client.PostAsJsonAsync("/api/support/tickets", new
        {
            subject = "Invoice file",
            body = "see attachment",
            attachments = new[] { new { fileName = "invoice.csv", contentType = "text/csv", contentBase64 = Convert.ToBase64String(original) } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ticketId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{ticketId}");
        var fileId = detail.GetProperty("messages")[0].GetProperty("attachments")[0].GetProperty("id").GetGuid();

        var downloaded = await client.GetByteArrayAsync($"/api/support/tickets/{ticketId}/attachments/{fileId}");

        Assert.Equal(original, downloaded);
        Assert.StartsWith("res1:EU:", Encoding.ASCII.GetString(await MainAttachmentContentAsync(fileId)), StringComparison.Ordinal);
        var file = Assert.Single((await EuStoreValuesAsync()).Except(before), v => !v.StartsWith(FieldProtector.Prefix, StringComparison.Ordinal));
        var zoneBytes = Convert.FromBase64String(file);
        Assert.Equal("NQE1"u8.ToArray(), zoneBytes[..4]);
        Assert.True(zoneBytes.AsSpan().IndexOf("4711;Nina"u8) < 0, "the zone copy is ciphertext");

        var admin = await factory.CreateAdminClientAsync();
        var erasure = await (await admin.PostAsJsonAsync("/api/privacy/requests", new { kind = "Erasure", law = "Gdpr", email })).Content.ReadFromJsonAsync<JsonElement>();
        (await admin.PostAsync($"/api/privacy/requests/{erasure.GetProperty("id").GetGuid()}/complete", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Gone, (await admin.GetAsync($"/api/support/tickets/{ticketId}/attachments/{fileId}")).StatusCode);
        var after = await EuStoreValuesAsync();
        Assert.DoesNotContain(file, after);
        Assert.StartsWith("res1:EU:", Encoding.ASCII.GetString(await MainAttachmentContentAsync(fileId)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EuClientUser_FieldsLiveInTheEuStore_AndErasureLeavesNoneReadableThere()
    {
        var admin = await factory.CreateAdminClientAsync();
        var email = $"ulla.eu-{Guid.NewGuid():N}@nordwerk.example";
        var name = $"Ulla Europa {Guid.NewGuid():N}";
        var created = await admin.PostAsJsonAsync("/api/access/users", new { email, displayName = name, role = "Client", clientOrganizationId = Nqba.Server.Platform.Seeding.DemoCompany.NordWerk });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var password = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("initialPassword").GetString()!;
        var hash = await factory.Services.GetRequiredService<UserLookupHash>().HashAsync(email.ToUpperInvariant(), CancellationToken.None);
        var protector = factory.Services.GetRequiredService<FieldProtector>();
        List<string> Readable(List<string> stored) => [.. stored.Select(protector.Unprotect)];

        var main = await MainUserValuesAsync(hash!);
        var signedIn = await factory.CreateClientForAsync(email, password);
        var me = await signedIn.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.All(main, v => Assert.StartsWith("res1:EU:", v, StringComparison.Ordinal));
        Assert.Contains(email, Readable(await EuStoreValuesAsync()));
        Assert.Equal(name, me.GetProperty("displayName").GetString());

        var request = await (await admin.PostAsJsonAsync("/api/privacy/requests", new { kind = "Erasure", law = "Gdpr", email })).Content.ReadFromJsonAsync<JsonElement>();
        (await admin.PostAsync($"/api/privacy/requests/{request.GetProperty("id").GetGuid()}/complete", null)).EnsureSuccessStatusCode();

        var left = Readable(await EuStoreValuesAsync());
        Assert.DoesNotContain(email, left);
        Assert.DoesNotContain(name, left);
    }

    /// <summary>The user name, e-mail and display name of one user, as the main database holds them.</summary>
    private async Task<List<string>> MainUserValuesAsync(string lookupHash)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<AccessDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"UserName\", \"Email\", \"DisplayName\" FROM access_users WHERE \"NormalizedEmail\" = '{lookupHash}'";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return [.. Enumerable.Range(0, 3).Select(reader.GetString)];
    }
}
