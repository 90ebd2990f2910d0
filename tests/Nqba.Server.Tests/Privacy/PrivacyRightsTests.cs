using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nqba.Server.Modules.Access.Privacy;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Modules.Support.Chat;
using Nqba.Server.Modules.Support.Chat.Persistence;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Tests.Monitoring;

namespace Nqba.Server.Tests.Privacy;

public sealed class PrivacyRightsTests(PrivacyFactory factory) : IClassFixture<PrivacyFactory>
{
    private static string Domain() => $"privacy-{Guid.NewGuid():N}.example";

    private async Task<Guid> CaptureAsync(string name, string email, string message = "We need better leads.")
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/leads", new
        {
            name,
            email,
            company = "Privacy Test GmbH",
            regionCode = "europe",
            source = "WebForm",
            language = "en",
            message,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid();
    }

    private static async Task<JsonElement> LeadAsync(HttpClient admin, Guid id) => await admin.GetFromJsonAsync<JsonElement>($"/api/leads/{id}");

    private static async Task<JsonElement> RequestAsync(HttpClient admin, object body)
    {
        var response = await admin.PostAsJsonAsync("/api/privacy/requests", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<List<string>> RawAsync(string sql)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(await reader.IsDBNullAsync(0) ? "" : reader.GetString(0));
        }

        return values;
    }

    [Fact]
    public async Task CapturedLead_PersonalFieldsAreCiphertextOnDisk()
    {
        var email = $"ciphertext@{Domain()}";
        var id = await CaptureAsync("Clara Cipher", email, "Call me on my mobile");

        // EF stores GUIDs as upper-case text on SQLite; PostgreSQL's uuid accepts either case.
        var key = id.ToString().ToUpperInvariant();
        var stored = await RawAsync($"SELECT \"ContactName\" FROM intake_leads WHERE \"Id\" = '{key}' UNION ALL SELECT \"ContactEmail\" FROM intake_leads WHERE \"Id\" = '{key}' UNION ALL SELECT \"Notes\" FROM intake_leads WHERE \"Id\" = '{key}'");
        var contacts = await RawAsync("SELECT \"Email\" FROM intake_contacts");

        Assert.Equal(3, stored.Count);
        Assert.All(stored, v => Assert.StartsWith(FieldProtector.Prefix, v, StringComparison.Ordinal));
        Assert.DoesNotContain(contacts, v => v.Contains("ciphertext@", StringComparison.Ordinal));
        var lead = await LeadAsync(await factory.CreateAdminClientAsync(), id);
        Assert.Equal("Clara Cipher", lead.GetProperty("contactName").GetString());
        Assert.Equal(email, lead.GetProperty("contactEmail").GetString());
    }

    [Fact]
    public async Task ReturningContact_IsRecognisedThroughTheKeyedHash()
    {
        var email = $"returning@{Domain()}";
        var first = await LeadAsync(await factory.CreateAdminClientAsync(), await CaptureAsync("Rita Return", email));

        var second = await LeadAsync(await factory.CreateAdminClientAsync(), await CaptureAsync("Rita Return", email.ToUpperInvariant()));

        Assert.Equal(first.GetProperty("contactId").GetGuid(), second.GetProperty("contactId").GetGuid());
    }

    [Fact]
    public async Task AccessRequest_ExportsEverythingAboutThePersonAsOneZip_AndCompletes()
    {
        var admin = await factory.CreateAdminClientAsync();
        var email = $"dsar@{Domain()}";
        var leadId = await CaptureAsync("Dora Dsar", email, "Interested in AI agents");
        await admin.PostAsJsonAsync("/api/privacy/consents", new { email, purpose = "marketing-email", granted = true, source = "intake-form" });
        var request = await RequestAsync(admin, new { kind = "Access", law = "Gdpr", email });

        var response = await admin.GetAsync($"/api/privacy/requests/{request.GetProperty("id").GetGuid()}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var intake = await EntryAsync(zip, "intake.json");
        var lead = intake.EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "lead");
        Assert.Equal(leadId.ToString(), lead.GetProperty("id").GetString());
        Assert.Equal("Dora Dsar", lead.GetProperty("data").GetProperty("contactName").GetString());
        Assert.Equal("Interested in AI agents", lead.GetProperty("data").GetProperty("notes").GetString());
        Assert.Contains(intake.EnumerateArray(), r => r.GetProperty("kind").GetString() == "contact");
        var consents = await EntryAsync(zip, "consents.json");
        Assert.Equal("marketing-email", consents[0].GetProperty("purpose").GetString());
        Assert.NotNull(zip.GetEntry("manifest.json"));
        Assert.NotNull(zip.GetEntry("access.json"));
        var done = await admin.GetFromJsonAsync<JsonElement>($"/api/privacy/requests/{request.GetProperty("id").GetGuid()}");
        Assert.Equal("Completed", done.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ErasureRequest_CryptoShredsThePerson_KeepsTheRecordForStatistics_AndLeavesColleaguesReadable()
    {
        var admin = await factory.CreateAdminClientAsync();
        var domain = Domain();
        var erasedLead = await CaptureAsync("Erik Erase", $"erik@{domain}");
        var keptLead = await CaptureAsync("Kim Keep", $"kim@{domain}");
        var request = await RequestAsync(admin, new { kind = "Erasure", law = "Gdpr", email = $"erik@{domain}" });

        var response = await admin.PostAsync($"/api/privacy/requests/{request.GetProperty("id").GetGuid()}/complete", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var completed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Completed", completed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, completed.GetProperty("subjectEmail").ValueKind);
        var erased = await LeadAsync(admin, erasedLead);
        Assert.Equal(FieldProtector.ErasedValue, erased.GetProperty("contactName").GetString());
        Assert.Equal(FieldProtector.ErasedValue, erased.GetProperty("contactEmail").GetString());
        Assert.Equal("WebForm", erased.GetProperty("source").GetString());
        Assert.Equal("Kim Keep", (await LeadAsync(admin, keptLead)).GetProperty("contactName").GetString());
        var audit = await admin.GetStringAsync("/api/audit?action=access.privacy.request-completed");
        Assert.Contains(request.GetProperty("id").GetString()!, audit, StringComparison.Ordinal);
        Assert.DoesNotContain($"erik@{domain}", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErasedPerson_ContactingAgain_GetsANewReadableRecord()
    {
        var admin = await factory.CreateAdminClientAsync();
        var email = $"again@{Domain()}";
        await CaptureAsync("Anna Again", email);
        var request = await RequestAsync(admin, new { kind = "Erasure", law = "Ccpa", email });
        (await admin.PostAsync($"/api/privacy/requests/{request.GetProperty("id").GetGuid()}/complete", null)).EnsureSuccessStatusCode();

        var lead = await LeadAsync(admin, await CaptureAsync("Anna Again", email));

        Assert.Equal("Anna Again", lead.GetProperty("contactName").GetString());
    }

    [Fact]
    public async Task RectificationRequest_CorrectsNameAndEmailEverywhere()
    {
        var admin = await factory.CreateAdminClientAsync();
        var domain = Domain();
        var leadId = await CaptureAsync("Rob Wrong", $"rob@{domain}");
        var request = await RequestAsync(admin, new { kind = "Rectification", law = "Gdpr", email = $"rob@{domain}", name = "Rob Right", newEmail = $"robert@{domain}" });

        (await admin.PostAsync($"/api/privacy/requests/{request.GetProperty("id").GetGuid()}/complete", null)).EnsureSuccessStatusCode();

        var lead = await LeadAsync(admin, leadId);
        Assert.Equal("Rob Right", lead.GetProperty("contactName").GetString());
        Assert.Equal($"robert@{domain}", lead.GetProperty("contactEmail").GetString());
        var next = await LeadAsync(admin, await CaptureAsync("Rob Right", $"robert@{domain}"));
        Assert.Equal(lead.GetProperty("contactId").GetGuid(), next.GetProperty("contactId").GetGuid());
    }

    [Fact]
    public async Task AccessRequest_FindsAClientUserAccountByItsEncryptedEmail()
    {
        var admin = await factory.CreateAdminClientAsync();
        var email = $"Una.User@{Domain()}";
        var created = await admin.PostAsJsonAsync("/api/access/users", new { email, displayName = "Una User", role = "Client", clientOrganizationId = await FirstOrganizationAsync() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var request = await RequestAsync(admin, new { kind = "Access", law = "Gdpr", email = email.ToLowerInvariant() });

        var response = await admin.GetAsync($"/api/privacy/requests/{request.GetProperty("id").GetGuid()}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var user = (await EntryAsync(zip, "access.json")).EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "user");
        Assert.Equal(email, user.GetProperty("data").GetProperty("email").GetString());
        Assert.Equal("Una User", user.GetProperty("data").GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task RectificationRequest_GivesAClientUserANewEmail_ToSignInWith()
    {
        var admin = await factory.CreateAdminClientAsync();
        var domain = Domain();
        var created = await admin.PostAsJsonAsync("/api/access/users", new { email = $"ria@{domain}", displayName = "Ria Old", role = "Client", clientOrganizationId = await FirstOrganizationAsync() });
        var password = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("initialPassword").GetString();
        var request = await RequestAsync(admin, new { kind = "Rectification", law = "Gdpr", email = $"ria@{domain}", name = "Ria New", newEmail = $"ria.new@{domain}" });

        (await admin.PostAsync($"/api/privacy/requests/{request.GetProperty("id").GetGuid()}/complete", null)).EnsureSuccessStatusCode();

        var old = await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { email = $"ria@{domain}", password });
        var client = await factory.CreateClientForAsync($"ria.new@{domain}", password!);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal($"ria.new@{domain}", me.GetProperty("name").GetString());
        Assert.Equal("Ria New", me.GetProperty("displayName").GetString());
    }

    [Theory]
    [InlineData("Gdpr", 30)]
    [InlineData("Ccpa", 45)]
    public async Task Request_IsDueAfterItsLawsDeadline(string law, int days)
    {
        var admin = await factory.CreateAdminClientAsync();

        var request = await RequestAsync(admin, new { kind = "Access", law, email = $"deadline@{Domain()}" });

        var received = request.GetProperty("receivedAt").GetDateTime();
        Assert.Equal(received.AddDays(days), request.GetProperty("dueAt").GetDateTime());
        Assert.False(request.GetProperty("overdue").GetBoolean());
        var open = await admin.GetFromJsonAsync<List<JsonElement>>("/api/privacy/requests?status=Open");
        Assert.Contains(open!, r => r.GetProperty("id").GetGuid() == request.GetProperty("id").GetGuid());
    }

    [Fact]
    public void OpenRequest_PastItsDeadline_IsOverdue()
    {
        var received = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var request = new PrivacyRequest { Kind = PrivacyRequestKind.Erasure, Law = PrivacyLaw.Gdpr, ReceivedAt = received, DueAt = received.AddDays(30) };

        var dto = PrivacyRequestDto.From(request, received.AddDays(31));

        Assert.True(dto.Overdue);
        Assert.Equal(-1, dto.DaysLeft);
    }

    [Theory]
    [InlineData("{\"kind\":\"Erasure\",\"law\":\"Gdpr\"}", "email")]
    [InlineData("{\"kind\":\"Rectification\",\"law\":\"Gdpr\",\"email\":\"x@y.example\"}", "name")]
    [InlineData("{\"kind\":\"Access\",\"law\":\"Gdpr\",\"organizationId\":\"7d6f2f4e-1111-4111-8111-111111111111\"}", "organizationId")]
    [InlineData("{\"kind\":\"Access\",\"law\":\"Hipaa\",\"email\":\"x@y.example\"}", "law")]
    public async Task InvalidRequest_Returns400NamingTheField(string body, string field)
    {
        var admin = await factory.CreateAdminClientAsync();

        var response = await admin.PostAsync("/api/privacy/requests", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PublicDoNotSell_SetsTheFlag_AndIsTrackedAsACompletedRequest()
    {
        var email = $"optout@{Domain()}";
        var admin = await factory.CreateAdminClientAsync();

        var response = await factory.CreateClient().PostAsJsonAsync("/api/privacy/do-not-sell", new { email });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var status = await admin.GetFromJsonAsync<JsonElement>($"/api/privacy/consents?email={Uri.EscapeDataString(email)}");
        Assert.True(status.GetProperty("doNotSell").GetBoolean());
        var requests = await admin.GetFromJsonAsync<List<JsonElement>>("/api/privacy/requests?status=Completed");
        Assert.Contains(requests!, r => r.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Consent_WithdrawnAfterGranted_IsCurrentlyWithdrawn_WithTheHistoryKept()
    {
        var admin = await factory.CreateAdminClientAsync();
        var email = $"consent@{Domain()}";
        await admin.PostAsJsonAsync("/api/privacy/consents", new { email, purpose = "marketing-email", granted = true, source = "intake-form" });

        var status = await (await admin.PostAsJsonAsync("/api/privacy/consents", new { email, purpose = "marketing-email", granted = false, source = "staff" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(status.GetProperty("current")[0].GetProperty("granted").GetBoolean());
        Assert.Equal(2, status.GetProperty("history").GetArrayLength());
        Assert.False(status.GetProperty("doNotSell").GetBoolean());
    }

    [Fact]
    public async Task PrivacyPage_ListsOpenRequestsWithTheirDeadline()
    {
        var admin = await factory.CreateAdminClientAsync();
        var email = $"page@{Domain()}";
        await RequestAsync(admin, new { kind = "Erasure", law = "Ccpa", email });

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/privacy?status=Open"));

        Assert.Contains(email, page, StringComparison.Ordinal);
        Assert.Contains("44 days left", page, StringComparison.Ordinal);
        Assert.Contains("Carry out", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"no-requests\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientUser_IsForbiddenFromPrivacyRequests()
    {
        var email = $"client-{Guid.NewGuid():N}@privacy.example";
        var (_, password) = await factory.CreateUserAsync(email, "Client", await FirstOrganizationAsync());
        var client = await factory.CreateClientForAsync(email, password);

        var response = await client.GetAsync("/api/privacy/requests");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Retention_ErasesLeadsOlderThanTheConfiguredDays_AndKeepsNewerOnes()
    {
        var admin = await factory.CreateAdminClientAsync();
        var old = await CaptureAsync("Olga Old", $"olga@{Domain()}");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(31));
        await using var scope = factory.Services.CreateAsyncScope();
        var privacy = ActivatorUtilities.CreateInstance<PrivacyService>(scope.ServiceProvider, clock);
        var recent = await CaptureAsync("Nina New", $"nina@{Domain()}");
        await SetCapturedAtAsync(recent, DateTime.UtcNow.AddDays(10));

        var purged = await privacy.ApplyRetentionAsync(CancellationToken.None);

        Assert.True(purged["intake.leads"] >= 1);
        Assert.Equal(FieldProtector.ErasedValue, (await LeadAsync(admin, old)).GetProperty("contactName").GetString());
        Assert.Equal("Nina New", (await LeadAsync(admin, recent)).GetProperty("contactName").GetString());
    }

    [Fact]
    public async Task Retention_RemovesStatusSubscriptionsOlderThanTheConfiguredDays_AndKeepsNewerOnes()
    {
        var admin = await factory.CreateAdminClientAsync();
        var anonymous = factory.CreateClient();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        (await anonymous.PostAsJsonAsync("/api/status/subscriptions", new { email = $"old-{Guid.NewGuid():N}@watch.example", component })).EnsureSuccessStatusCode();
        (await anonymous.PostAsJsonAsync("/api/status/subscriptions", new { email = $"new-{Guid.NewGuid():N}@watch.example", component })).EnsureSuccessStatusCode();
        await using var scope = factory.Services.CreateAsyncScope();
        var monitoring = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
        var componentId = await monitoring.Components.Where(c => c.Key == component).Select(c => c.Id).SingleAsync();
        var subscriptions = await monitoring.Subscriptions.Where(s => s.ComponentId == componentId).ToListAsync();
        Assert.Equal(2, subscriptions.Count);
        var old = subscriptions.Single(s => s.Email.StartsWith("old-", StringComparison.Ordinal));
        old.CreatedAt = DateTime.UtcNow.AddDays(-31);
        await monitoring.SaveChangesAsync();

        var purged = await scope.ServiceProvider.GetRequiredService<PrivacyService>().ApplyRetentionAsync(CancellationToken.None);

        Assert.True(purged["monitoring.subscriptions"] >= 1);
        var left = await monitoring.Subscriptions.AsNoTracking().Where(s => s.ComponentId == componentId).ToListAsync();
        Assert.Equal([subscriptions.Single(s => s != old).Id], left.Select(s => s.Id));
    }

    [Fact]
    public async Task Retention_RedactsClosedChatsInactiveLongerThanTheConfiguredDays_AndKeepsOpenAndRecentOnes()
    {
        var now = DateTime.UtcNow;
        Guid Add(SupportChatDbContext chat, string name, ChatStatus status, DateTime lastActivity)
        {
            var conversation = new ChatConversation
            {
                Id = Guid.NewGuid(),
                VisitorKey = Guid.NewGuid().ToString("N"),
                VisitorName = name,
                VisitorEmail = $"{name.Replace(' ', '.')}@{Domain()}",
                RegionCode = "europe",
                Language = "en",
                Status = status,
                StartedAt = lastActivity,
                LastActivityAt = lastActivity,
            };
            chat.Conversations.Add(conversation);
            chat.Messages.Add(new ChatMessage { Id = Guid.NewGuid(), ConversationId = conversation.Id, Sender = ChatSender.Visitor, SenderName = name, Body = $"{name} was here", SentAt = lastActivity });
            chat.Messages.Add(new ChatMessage { Id = Guid.NewGuid(), ConversationId = conversation.Id, Sender = ChatSender.Bot, SenderName = "NQBA", Body = "Here is an article.", SentAt = lastActivity });
            return conversation.Id;
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var chat = scope.ServiceProvider.GetRequiredService<SupportChatDbContext>();
        var old = Add(chat, "Otto Old", ChatStatus.Closed, now.AddDays(-40));
        var stillOpen = Add(chat, "Wanda Waiting", ChatStatus.Waiting, now.AddDays(-40));
        var recent = Add(chat, "Rita Recent", ChatStatus.HandedOver, now.AddDays(-5));
        await chat.SaveChangesAsync();

        var purged = await scope.ServiceProvider.GetRequiredService<PrivacyService>().ApplyRetentionAsync(CancellationToken.None);

        await using var check = factory.Services.CreateAsyncScope();
        var after = check.ServiceProvider.GetRequiredService<SupportChatDbContext>();
        var conversations = await after.Conversations.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == old || c.Id == stillOpen || c.Id == recent).ToDictionaryAsync(c => c.Id);
        var oldMessages = await after.Messages.IgnoreQueryFilters().AsNoTracking().Where(m => m.ConversationId == old).ToListAsync();
        Assert.True(purged["support.chats"] >= 1);
        Assert.Equal(FieldProtector.ErasedValue, conversations[old].VisitorName);
        Assert.Equal(FieldProtector.ErasedValue, conversations[old].VisitorEmail);
        Assert.Equal(FieldProtector.ErasedValue, oldMessages.Single(m => m.Sender == ChatSender.Visitor).Body);
        Assert.Equal("Here is an article.", oldMessages.Single(m => m.Sender == ChatSender.Bot).Body);
        Assert.Equal("Wanda Waiting", conversations[stillOpen].VisitorName);
        Assert.Equal("Rita Recent", conversations[recent].VisitorName);
    }

    private async Task SetCapturedAtAsync(Guid leadId, DateTime capturedAt)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        await db.Leads.IgnoreQueryFilters().Where(l => l.Id == leadId).ExecuteUpdateAsync(s => s.SetProperty(l => l.CapturedAt, capturedAt));
        await db.Contacts.IgnoreQueryFilters().Where(c => db.Leads.IgnoreQueryFilters().Any(l => l.Id == leadId && l.ContactId == c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, capturedAt));
    }

    private static async Task<JsonElement> EntryAsync(ZipArchive zip, string name)
    {
        await using var stream = await zip.GetEntry(name)!.OpenAsync();
        return (await JsonDocument.ParseAsync(stream)).RootElement;
    }

    private async Task<Guid> FirstOrganizationAsync()
    {
        var admin = await factory.CreateAdminClientAsync();
        var clients = await admin.GetFromJsonAsync<List<JsonElement>>("/api/clients");
        return clients![0].GetProperty("id").GetGuid();
    }
}
