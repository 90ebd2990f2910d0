using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Support.Chat;
using Nqba.Server.Modules.Support.Chat.Persistence;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Surveys;
using Nqba.Server.Modules.Support.Tickets;
using Nqba.Server.Platform.Privacy;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Tests.Scheduling;

namespace Nqba.Server.Tests.Privacy;

/// <summary>Privacy requests reach a person's bookings, support tickets, call-backs, surveys and chats, not only Intake's records.</summary>
public sealed class CrossModulePrivacyTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private async Task<(Guid Booking, string Email)> BookAndOpenTicketAsync(string subject = "Invoice question")
    {
        var email = $"both-{Guid.NewGuid():N}@client.example";
        var specialist = await factory.CreateSpecialistAsync();
        var start = SchedulingFactory.Berlin(SchedulingFactory.Weekday(8), 10);
        var anonymous = factory.CreateClient();
        var booked = await anonymous.PostAsJsonAsync("/api/scheduling/bookings", new
        {
            meetingType = "test-20",
            start,
            specialistId = specialist,
            name = "Bea Both",
            email,
            timeZone = "Europe/Berlin",
            language = "en",
            notes = "Bring the numbers",
        });
        Assert.True(booked.StatusCode == HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        var ticket = await anonymous.PostAsJsonAsync("/api/support/requests", new { name = "Bea Both", email, subject, message = "Where is my invoice?" });
        Assert.True(ticket.IsSuccessStatusCode, await ticket.Content.ReadAsStringAsync());
        return ((await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), email);
    }

    private static async Task<Guid> RequestAsync(HttpClient admin, string kind, string email)
    {
        var response = await admin.PostAsJsonAsync("/api/privacy/requests", new { kind, law = "Gdpr", email });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<string> EntryAsync(ZipArchive zip, string name)
    {
        await using var stream = await zip.GetEntry(name)!.OpenAsync();
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task AccessExport_HoldsThePersonsBookingsAndTickets()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (booking, email) = await BookAndOpenTicketAsync();
        var request = await RequestAsync(admin, "Access", email);

        using var zip = new ZipArchive(await (await admin.GetAsync($"/api/privacy/requests/{request}/export")).Content.ReadAsStreamAsync());

        var scheduling = await EntryAsync(zip, "scheduling.json");
        var support = await EntryAsync(zip, "support.json");
        Assert.Contains(booking.ToString(), scheduling, StringComparison.Ordinal);
        Assert.Contains("Bring the numbers", scheduling, StringComparison.Ordinal);
        Assert.Contains("Invoice question", support, StringComparison.Ordinal);
        Assert.Contains("Where is my invoice?", support, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_RedactsThePersonsBookingAndTicket_AndTheExportIsThenEmpty()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (booking, email) = await BookAndOpenTicketAsync();

        (await admin.PostAsync($"/api/privacy/requests/{await RequestAsync(admin, "Erasure", email)}/complete", null)).EnsureSuccessStatusCode();

        var shown = await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/bookings/{booking}");
        Assert.Equal(FieldProtector.ErasedValue, shown.GetProperty("clientName").GetString());
        using var zip = new ZipArchive(await (await admin.GetAsync($"/api/privacy/requests/{await RequestAsync(admin, "Access", email)}/export")).Content.ReadAsStreamAsync());
        Assert.Equal("[]", (await EntryAsync(zip, "scheduling.json")).Trim());
        Assert.Equal("[]", (await EntryAsync(zip, "support.json")).Trim());
    }

    private static async Task<Guid> TicketIdAsync(HttpClient admin, string subject) =>
        (await admin.GetFromJsonAsync<List<JsonElement>>("/api/support/tickets"))!.Single(t => t.GetProperty("subject").GetString() == subject).GetProperty("id").GetGuid();

    [Fact]
    public async Task Erasure_CryptoShredsThePersonsOwnKey_AgentRepliesIncluded_AndLeavesOtherRequestersReadable()
    {
        var admin = await factory.CreateAdminClientAsync();
        var anonymous = factory.CreateClient();
        var subject = "Invoice " + Guid.NewGuid().ToString("N")[..6];
        var (booking, email) = await BookAndOpenTicketAsync(subject);
        var ticket = await TicketIdAsync(admin, subject);
        var reply = await admin.PostAsJsonAsync($"/api/support/tickets/{ticket}/messages", new { body = "Dear Bea, your invoice 4711 went out today." });
        Assert.True(reply.IsSuccessStatusCode, await reply.Content.ReadAsStringAsync());
        var otherSubject = "Other person " + Guid.NewGuid().ToString("N")[..6];
        (await anonymous.PostAsJsonAsync("/api/support/requests", new { name = "Olga Other", email = $"olga-{Guid.NewGuid():N}@client.example", subject = otherSubject, message = "Unrelated" })).EnsureSuccessStatusCode();
        var subjectKey = FieldProtector.SubjectKeyId(await factory.Services.GetRequiredService<FieldProtector>().SearchHashAsync(email, CancellationToken.None));
        (await admin.PostAsJsonAsync($"/api/support/tickets/{ticket}/status", new { status = "Solved" })).EnsureSuccessStatusCode();
        Assert.True(await CsatSentAsync(ticket), "solving the ticket sends its CSAT survey");

        (await admin.PostAsync($"/api/privacy/requests/{await RequestAsync(admin, "Erasure", email)}/complete", null)).EnsureSuccessStatusCode();

        // The agent's reply was not redacted (only the client's words are), yet it is unreadable: its key is gone.
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{ticket}");
        var agentReply = detail.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("author").GetString() == "Agent");
        Assert.Equal(FieldProtector.ErasedValue, agentReply.GetProperty("body").GetString());
        await using var scope = factory.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<Nqba.Server.Platform.PlatformDbContext>().DataKeys.AsNoTracking()
            .Where(k => k.OrganizationId == subjectKey).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Null(k.WrappedKey));
        var support = scope.ServiceProvider.GetRequiredService<SupportDbContext>();
        Assert.Equal(subjectKey, (await support.Tickets.IgnoreQueryFilters().AsNoTracking().SingleAsync(t => t.Id == ticket)).SubjectKeyId);
        Assert.Equal(subjectKey, (await support.Surveys.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.TicketId == ticket)).SubjectKeyId);
        var shown = await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/bookings/{booking}");
        Assert.Equal(FieldProtector.ErasedValue, shown.GetProperty("clientName").GetString());
        var other = await admin.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{await TicketIdAsync(admin, otherSubject)}");
        Assert.Equal("Unrelated", other.GetProperty("messages")[0].GetProperty("body").GetString());
    }

    private async Task<bool> CsatSentAsync(Guid ticket)
    {
        await factory.DeliverEventsAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SupportDbContext>().Surveys.IgnoreQueryFilters().AnyAsync(s => s.TicketId == ticket);
    }

    /// <summary>A ticket with a call-back task, a chat conversation and an answered CSAT survey, all of one person.</summary>
    private async Task<string> SupportTrailAsync(HttpClient admin)
    {
        var email = $"trail-{Guid.NewGuid():N}@client.example";
        var subject = "Router question " + Guid.NewGuid().ToString("N")[..6];
        var anonymous = factory.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/support/requests", new { name = "Tess Trail", email, subject, message = "Which port does it use?" })).EnsureSuccessStatusCode();
        var ticket = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/support/tickets"))!.Single(t => t.GetProperty("subject").GetString() == subject).GetProperty("id").GetGuid();
        var call = await admin.PostAsJsonAsync($"/api/support/tickets/{ticket}/calls", new { summary = "Called about the router", callbackAt = DateTime.UtcNow.AddDays(1), callbackNote = "Call Tess back on her mobile" });
        Assert.True(call.IsSuccessStatusCode, await call.Content.ReadAsStringAsync());

        await using var scope = factory.Services.CreateAsyncScope();
        var chat = scope.ServiceProvider.GetRequiredService<SupportChatDbContext>();
        var now = DateTime.UtcNow;
        var conversation = new ChatConversation
        {
            Id = Guid.NewGuid(),
            VisitorKey = Guid.NewGuid().ToString("N"),
            VisitorName = "Tess Trail",
            VisitorEmail = email,
            RegionCode = "europe",
            Language = "en",
            Status = ChatStatus.Closed,
            StartedAt = now,
            LastActivityAt = now,
            ClosedAt = now,
        };
        chat.Conversations.Add(conversation);
        chat.Messages.Add(new ChatMessage { Id = Guid.NewGuid(), ConversationId = conversation.Id, Sender = ChatSender.Visitor, SenderName = "Tess Trail", Body = "My router blinks red", SentAt = now });
        await chat.SaveChangesAsync();
        var support = scope.ServiceProvider.GetRequiredService<SupportDbContext>();
        support.Surveys.Add(new SurveyInvitation
        {
            Id = Guid.NewGuid(),
            Kind = SurveyKind.Csat,
            TicketId = ticket,
            Email = email,
            EmailHash = await scope.ServiceProvider.GetRequiredService<FieldProtector>().SearchHashAsync(email, CancellationToken.None),
            SentAt = now,
            Score = 5,
            Comment = "Tess says thanks",
            AnsweredAt = now,
        });
        var first = support.Messages.IgnoreQueryFilters().Single(m => m.TicketId == ticket && m.Author == MessageAuthor.Client);
        support.Attachments.Add(new TicketAttachment
        {
            Id = Guid.NewGuid(),
            TicketId = ticket,
            MessageId = first.Id,
            FileName = "tess-router.jpg",
            ContentType = "image/jpeg",
            Size = 4,
            Content = await scope.ServiceProvider.GetRequiredService<FieldProtector>().ProtectBytesAsync(null, [1, 2, 3, 4], CancellationToken.None),
        });
        await support.SaveChangesAsync();
        return email;
    }

    [Fact]
    public async Task AccessExport_HoldsThePersonsCallbacksSurveysAndChats_AndErasureRedactsThem()
    {
        var admin = await factory.CreateAdminClientAsync();
        var email = await SupportTrailAsync(admin);

        using var before = new ZipArchive(await (await admin.GetAsync($"/api/privacy/requests/{await RequestAsync(admin, "Access", email)}/export")).Content.ReadAsStreamAsync());
        var support = await EntryAsync(before, "support.json");
        var chat = await EntryAsync(before, "support-chat.json");
        (await admin.PostAsync($"/api/privacy/requests/{await RequestAsync(admin, "Erasure", email)}/complete", null)).EnsureSuccessStatusCode();
        using var after = new ZipArchive(await (await admin.GetAsync($"/api/privacy/requests/{await RequestAsync(admin, "Access", email)}/export")).Content.ReadAsStreamAsync());

        Assert.Contains("Call Tess back on her mobile", support, StringComparison.Ordinal);
        Assert.Contains("Tess says thanks", support, StringComparison.Ordinal);
        Assert.Contains("My router blinks red", chat, StringComparison.Ordinal);
        Assert.Contains(email, chat, StringComparison.Ordinal);
        Assert.Equal("[]", (await EntryAsync(after, "support.json")).Trim());
        Assert.Equal("[]", (await EntryAsync(after, "support-chat.json")).Trim());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportDbContext>();
        var chatDb = scope.ServiceProvider.GetRequiredService<SupportChatDbContext>();
        Assert.DoesNotContain(db.Callbacks.AsEnumerable(), c => c.Note.Contains("Tess", StringComparison.Ordinal));
        var survey = Assert.Single(db.Surveys.AsEnumerable(), s => s.Score == 5 && s.Comment == FieldProtector.ErasedValue);
        Assert.Equal(FieldProtector.ErasedValue, survey.Email);
        Assert.DoesNotContain(chatDb.Messages.AsEnumerable(), m => m.Body.Contains("router blinks", StringComparison.Ordinal));
        Assert.DoesNotContain(db.Attachments.IgnoreQueryFilters().AsEnumerable(), a => a.FileName == "tess-router.jpg" || a.Content.Length > 0 && a.Size == 4 && a.ContentType == "image/jpeg");
    }

    [Fact]
    public async Task RetentionPurges_RedactBookingsThatEndedAndSolvedTicketsBeforeTheCutoff_AndKeepNewerOnes()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (booking, email) = await BookAndOpenTicketAsync();
        var ticket = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/support/tickets"))!.Single(t => t.GetProperty("requesterEmail").GetString() == email).GetProperty("id").GetGuid();
        (await admin.PostAsJsonAsync($"/api/support/tickets/{ticket}/status", new { status = "Solved" })).EnsureSuccessStatusCode();
        await using var scope = factory.Services.CreateAsyncScope();
        var policies = scope.ServiceProvider.GetServices<IRetentionPolicy>().ToDictionary(p => p.Category);
        var meetingEnd = (await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/bookings/{booking}")).GetProperty("end").GetDateTimeOffset().UtcDateTime;

        var keptBookings = await policies["scheduling.bookings"].PurgeOlderThanAsync(meetingEnd.AddMinutes(-1), CancellationToken.None);
        var keptTickets = await policies["support.tickets"].PurgeOlderThanAsync(DateTime.UtcNow.AddDays(-1), CancellationToken.None);
        var nameBefore = (await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/bookings/{booking}")).GetProperty("clientName").GetString();
        var subjectBefore = (await admin.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{ticket}")).GetProperty("ticket").GetProperty("subject").GetString();
        var purgedBookings = await policies["scheduling.bookings"].PurgeOlderThanAsync(meetingEnd.AddMinutes(1), CancellationToken.None);
        var purgedTickets = await policies["support.tickets"].PurgeOlderThanAsync(DateTime.UtcNow.AddMinutes(1), CancellationToken.None);

        Assert.Equal(0, keptTickets);
        Assert.Equal("Bea Both", nameBefore);
        Assert.Equal("Invoice question", subjectBefore);
        Assert.True(purgedBookings >= 1 && purgedTickets >= 1, $"{keptBookings} {purgedBookings} {purgedTickets}");
        var booked = await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/bookings/{booking}");
        Assert.Equal(FieldProtector.ErasedValue, booked.GetProperty("clientName").GetString());
        Assert.NotEqual(FieldProtector.ErasedValue, booked.GetProperty("meetingType").GetString()); // the booking stays for statistics
        var solved = await admin.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{ticket}");
        Assert.Equal(FieldProtector.ErasedValue, solved.GetProperty("ticket").GetProperty("subject").GetString());
        Assert.Equal("Solved", solved.GetProperty("ticket").GetProperty("status").GetString());
        Assert.DoesNotContain("Where is my invoice?", solved.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, await policies["support.tickets"].PurgeOlderThanAsync(DateTime.UtcNow.AddMinutes(1), CancellationToken.None));
    }
}
