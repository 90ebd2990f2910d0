using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Support;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Sla;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Tests.Support;

public sealed class TicketImportTests(SupportFactory factory) : IClassFixture<SupportFactory>
{
    // Friday 21 November 2025, 16:00 in Berlin (CET, UTC+1): one business hour left on the 09:00–17:00 Europe calendar.
    private static readonly DateTime FridayAfternoon = new(2025, 11, 21, 15, 0, 0, DateTimeKind.Utc);

    private static object Ticket(string externalId, string state = "open", string source = "zammad", string? email = null, params object[] messages) => new
    {
        externalId,
        source,
        title = "Printer on fire",
        channel = "phone",
        priority = "normal",
        customer = new { name = "Erika Muster", email = email ?? $"erika-{Guid.NewGuid():N}@client.example" },
        organizationId = DemoCompany.NordWerk,
        state,
        createdAt = FridayAfternoon,
        solvedAt = state is "solved" or "closed" ? FridayAfternoon.AddDays(14) : (DateTime?)null,
        closedAt = state == "closed" ? FridayAfternoon.AddDays(15) : (DateTime?)null,
        messages = messages.Length > 0 ? messages : new[] { Message("m1", "customer", FridayAfternoon) },
    };

    private static object Message(string externalId, string author, DateTime createdAt, string body = "It smokes.") =>
        new { externalId, author, body, createdAt };

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, params object[] tickets) =>
        await client.PostAsJsonAsync("/api/support/import", tickets);

    private async Task<int> CountAsync(Func<IQueryable<Modules.Support.Tickets.Ticket>, IQueryable<Modules.Support.Tickets.Ticket>>? where = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportDbContext>();
        var tickets = db.Tickets.IgnoreQueryFilters();
        return await (where is null ? tickets : where(tickets)).CountAsync();
    }

    private static string Id() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Import_SameFileTwice_SecondChangesNothingAndReportsEveryRowUnchanged()
    {
        var admin = await factory.CreateAdminClientAsync();
        var file = new[]
        {
            Ticket(Id(), "open", messages: [Message("a1", "customer", FridayAfternoon), Message("a2", "agent", FridayAfternoon.AddHours(1))]),
            Ticket(Id(), "solved"),
            Ticket(Id(), "closed"),
        };

        var first = await SupportFactory.ReadAsync(await ImportAsync(admin, file));
        var ticketsAfterFirst = await CountAsync();
        var detailBefore = await admin.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{first.GetProperty("tickets")[0].GetProperty("ticketId").GetGuid()}");
        var second = await SupportFactory.ReadAsync(await ImportAsync(admin, file));
        var detailAfter = await admin.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{first.GetProperty("tickets")[0].GetProperty("ticketId").GetGuid()}");

        Assert.Equal(3, first.GetProperty("created").GetInt32());
        Assert.Equal(4, first.GetProperty("messagesAdded").GetInt32());
        Assert.Equal(0, second.GetProperty("created").GetInt32());
        Assert.Equal(0, second.GetProperty("updated").GetInt32());
        Assert.Equal(3, second.GetProperty("unchanged").GetInt32());
        Assert.All(second.GetProperty("tickets").EnumerateArray(), r => Assert.Equal("Unchanged", r.GetProperty("outcome").GetString()));
        Assert.Equal(
            first.GetProperty("tickets").EnumerateArray().Select(r => r.GetProperty("ticketId").GetGuid()),
            second.GetProperty("tickets").EnumerateArray().Select(r => r.GetProperty("ticketId").GetGuid()));
        Assert.Equal(ticketsAfterFirst, await CountAsync());
        Assert.Equal(detailBefore.GetProperty("ticket").GetProperty("version").GetInt32(), detailAfter.GetProperty("ticket").GetProperty("version").GetInt32());
        Assert.Equal(2, detailAfter.GetProperty("messages").GetArrayLength());
        Assert.Equal("Open", detailAfter.GetProperty("ticket").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Import_TicketAgainWithNewMessages_AppendsOnlyTheNewOnes()
    {
        var admin = await factory.CreateAdminClientAsync();
        var id = Id();
        var email = $"append-{Id()}@client.example";
        var m1 = Message("m1", "customer", FridayAfternoon);
        var m2 = Message("m2", "agent", FridayAfternoon.AddDays(3), "Please unplug it.");
        var m3 = Message("m3", "customer", FridayAfternoon.AddDays(4), "Done, thanks.");
        await SupportFactory.ReadAsync(await ImportAsync(admin, Ticket(id, "open", email: email, messages: [m1])));

        var again = await SupportFactory.ReadAsync(await ImportAsync(admin, Ticket(id, "solved", email: email, messages: [m1, m2, m3])));

        var row = again.GetProperty("tickets")[0];
        Assert.Equal("Updated", row.GetProperty("outcome").GetString());
        Assert.Equal(2, row.GetProperty("messagesAdded").GetInt32());
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{row.GetProperty("ticketId").GetGuid()}");
        Assert.Equal(["It smokes.", "Please unplug it.", "Done, thanks."], detail.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString()));
        Assert.Equal("Solved", detail.GetProperty("ticket").GetProperty("status").GetString());
        Assert.Equal(FridayAfternoon.AddDays(3), detail.GetProperty("ticket").GetProperty("firstRespondedAt").GetDateTime());
        Assert.Equal(1, await CountAsync(t => t.Where(x => x.ExternalSource == "zammad" && x.ExternalId == id)));
    }

    [Fact]
    public async Task Import_BadRowsInJson_NamesEachFieldByRowAndWritesNothing()
    {
        var admin = await factory.CreateAdminClientAsync();
        var before = await CountAsync();
        var good = Ticket(Id());
        var badTime = Ticket(Id(), messages: [Message("m1", "customer", FridayAfternoon), new { externalId = "m2", author = "agent", body = "x", createdAt = "next tuesday" }]);
        var noId = new { title = "No id", customer = new { name = "A" }, createdAt = FridayAfternoon, messages = new[] { Message("m1", "robot", FridayAfternoon) } };

        var response = await ImportAsync(admin, good, badTime, noId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["tickets[1].messages[1].createdAt", "tickets[2].externalId", "tickets[2].messages[0].author"], fields);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Import_NdjsonWithABadLine_NamesTheLineAndWritesNothing()
    {
        var admin = await factory.CreateAdminClientAsync();
        var before = await CountAsync();
        var lines = new[]
        {
            JsonSerializer.Serialize(Ticket(Id()), JsonSerializerOptions.Web),
            string.Empty,
            JsonSerializer.Serialize(Ticket(Id()), JsonSerializerOptions.Web),
            JsonSerializer.Serialize(Ticket(Id()), JsonSerializerOptions.Web).Replace("\"createdAt\":\"2025-11-21T15:00:00Z\",\"solvedAt\"", "\"createdAt\":\"yesterday\",\"solvedAt\"", StringComparison.Ordinal),
            "{ not json",
        };

        var response = await admin.PostAsync("/api/support/import", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["line 4: createdAt", "line 5"], fields);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Import_Ndjson_ImportsOneTicketPerLine()
    {
        var admin = await factory.CreateAdminClientAsync();
        var body = string.Join("\r\n", new[] { Ticket(Id()), Ticket(Id()) }.Select(t => JsonSerializer.Serialize(t, JsonSerializerOptions.Web)));

        var result = await SupportFactory.ReadAsync(await admin.PostAsync("/api/support/import", new StringContent(body + "\n", Encoding.UTF8, "application/x-ndjson")));

        Assert.Equal(2, result.GetProperty("created").GetInt32());
        Assert.Equal(["line 1", "line 2"], result.GetProperty("tickets").EnumerateArray().Select(r => r.GetProperty("row").GetString()));
    }

    [Fact]
    public async Task Import_SolvedLongAgo_SlaFromImportedTimesInBusinessMinutesAndNoAlertFires()
    {
        var admin = await factory.CreateAdminClientAsync();
        // Answered Monday 10:00 Berlin: Friday 16:00–17:00 and Monday 09:00–10:00 are two business hours (Standard
        // ticket: 4 h, met). Solved two weeks later, far past the 40 business hours of the resolution target.
        var result = await SupportFactory.ReadAsync(await ImportAsync(admin, Ticket(Id(), "solved", messages:
            [Message("m1", "customer", FridayAfternoon), Message("m2", "agent", new DateTime(2025, 11, 24, 9, 0, 0, DateTimeKind.Utc))])));
        var id = result.GetProperty("tickets")[0].GetProperty("ticketId").GetGuid();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SlaWatch>().CheckAsync(DateTime.UtcNow, CancellationToken.None);
        }

        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{id}");
        var statistics = detail.GetProperty("sla");
        Assert.Equal("Standard ticket", statistics.GetProperty("policy").GetString());
        Assert.Equal(120, statistics.GetProperty("businessMinutesToFirstResponse").GetDouble());
        Assert.False(statistics.GetProperty("firstResponseMissed").GetBoolean());
        Assert.True(statistics.GetProperty("solutionMissed").GetBoolean());
        Assert.Equal(new DateTime(2025, 11, 24, 9, 0, 0, DateTimeKind.Utc), detail.GetProperty("ticket").GetProperty("firstRespondedAt").GetDateTime());
        Assert.Equal(0, await factory.EventCountAsync(nameof(SlaBreached), id));
        Assert.Equal(0, await factory.EventCountAsync(nameof(SlaWarning), id));
    }

    [Fact]
    public async Task Import_SolvedHotlineTicketWithAgentReplies_SendsNoMailAndPublishesNothing()
    {
        var admin = await factory.CreateAdminClientAsync();
        var email = $"quiet-{Id()}@client.example";
        var hotline = new
        {
            externalId = Id(),
            title = "Site down",
            channel = "hotline",
            customer = new { name = "Quiet Customer", email },
            state = "solved",
            createdAt = FridayAfternoon,
            solvedAt = FridayAfternoon.AddHours(2),
            messages = new[] { Message("m1", "customer", FridayAfternoon), Message("m2", "agent", FridayAfternoon.AddMinutes(5), "On it."), Message("m3", "agent", FridayAfternoon.AddHours(2), "Fixed.") },
        };

        var result = await SupportFactory.ReadAsync(await ImportAsync(admin, hotline));
        var id = result.GetProperty("tickets")[0].GetProperty("ticketId").GetGuid();

        Assert.Empty(await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == email) || m.TextBody?.Contains("Site down", StringComparison.Ordinal) == true));
        Assert.Equal(0, await factory.EventCountAsync(nameof(TicketOpened), id));
        Assert.Equal(0, await factory.EventCountAsync(nameof(TicketSolved), id));
    }

    [Fact]
    public async Task Import_Batch_AuditsOneEntryWithCountsAndNoPersonalData()
    {
        var admin = await factory.CreateAdminClientAsync();
        var email = $"audited-{Id()}@client.example";
        var id = Id();

        var result = await SupportFactory.ReadAsync(await ImportAsync(admin, Ticket(id, email: email), Ticket(Id(), email: email)));
        var batch = result.GetProperty("batchId").GetGuid();

        // The ledger chains staged entries as the import commits (AuditOutboxInterceptor awaits it), before the response.
        var entries = await admin.GetFromJsonAsync<List<JsonElement>>($"/api/audit?action=support.tickets.imported&entityId={batch}") ?? [];

        var entry = Assert.Single(entries);
        var after = entry.GetProperty("after").GetString()!;
        using var counts = JsonDocument.Parse(after);
        Assert.Equal(2, counts.RootElement.GetProperty("created").GetInt32());
        Assert.Equal(["zammad"], counts.RootElement.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.DoesNotContain(email, after, StringComparison.Ordinal);
        Assert.DoesNotContain("Erika", after, StringComparison.Ordinal);
        Assert.DoesNotContain(id, after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SameFileInParallel_OneTicketPerExternalIdAndBothSucceed()
    {
        var admin = await factory.CreateAdminClientAsync();
        for (var round = 0; round < 5; round++)
        {
            var ids = Enumerable.Range(0, 8).Select(_ => Id()).ToList();
            var file = ids.Select(id => Ticket(id, "solved", messages: [Message("m1", "customer", FridayAfternoon), Message("m2", "agent", FridayAfternoon.AddHours(1))])).ToArray();

            var responses = await Task.WhenAll(ImportAsync(admin, file), ImportAsync(admin, file));

            var results = new List<JsonElement>();
            foreach (var response in responses)
            {
                results.Add(await SupportFactory.ReadAsync(response));
            }

            Assert.Equal(8, results.Sum(r => r.GetProperty("created").GetInt32()));
            Assert.Equal(8, results.Sum(r => r.GetProperty("unchanged").GetInt32()));
            Assert.Equal(8, await CountAsync(t => t.Where(x => x.ExternalSource == "zammad" && ids.Contains(x.ExternalId!))));
            Assert.Equal(
                results[0].GetProperty("tickets").EnumerateArray().Select(r => r.GetProperty("ticketId").GetGuid()),
                results[1].GetProperty("tickets").EnumerateArray().Select(r => r.GetProperty("ticketId").GetGuid()));
        }
    }

    [Fact]
    public async Task Import_OverTheTicketLimit_Returns413AndWritesNothing()
    {
        var admin = await factory.CreateAdminClientAsync();
        var before = await CountAsync();

        var response = await ImportAsync(admin, [.. Enumerable.Range(0, 51).Select(_ => Ticket(Id()))]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Support:ImportMaxTickets", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }
}
