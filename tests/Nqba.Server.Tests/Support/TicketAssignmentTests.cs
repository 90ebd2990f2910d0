using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Support;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Tickets;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Tests.Support;

public sealed class TicketAssignmentTests(SupportFactory factory) : IClassFixture<SupportFactory>
{
    private const string Assigned = "support.ticket-assigned";
    private const string AuditAction = "support.ticket.assigned";

    private static async Task<string> TeamAsync(HttpClient admin)
    {
        var code = "a-" + Guid.NewGuid().ToString("N")[..8];
        await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/teams", new { code, name = "Team " + code }));
        return code;
    }

    // Away agents: opening a ticket assigns nobody, so each assignment below is the test's own.
    private static async Task<Guid> AgentAsync(HttpClient admin, string team) =>
        (await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/agents", new { name = "Agent", email = $"agent-{Guid.NewGuid():N}@nqba.test", team, regionCode = "europe", available = false })))
            .GetProperty("id").GetGuid();

    private async Task<Guid> OpenAsync(string team, DateTime? at = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TicketDesk>().OpenAsync(
            new OpenTicket("Assignment test", "Tester", "tester@client.example", null, new NewMessage(TicketChannel.Portal, MessageAuthor.Client, "Tester", "help"), RegionCode: "europe", TeamCode: team, At: at),
            CancellationToken.None);
        Assert.True(result.Succeeded, result.Error?.Detail);
        Assert.Null(result.Value.AssigneeId);
        return result.Value.Id;
    }

    private async Task<List<(Guid? Previous, Guid Assignee)>> EventsAsync(Guid ticketId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportDbContext>();
        var payloads = await db.Set<StoredEvent>().AsNoTracking().Where(e => e.Type == Assigned).OrderBy(e => e.Id).Select(e => e.Payload).ToListAsync();
        return [.. payloads.Select(p => JsonSerializer.Deserialize<TicketAssigned>(p, JsonSerializerOptions.Web)!)
            .Where(e => e.TicketId == ticketId)
            .Select(e => (e.PreviousAssigneeId, e.AssigneeId))];
    }

    private async Task<List<(Guid? Before, Guid? After, string? ActorId)>> AuditAsync(Guid ticketId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction && e.EntityId == ticketId.ToString()).OrderBy(e => e.Sequence).ToListAsync();
        return entries.ConvertAll(e => (AssigneeOf(e.Before), AssigneeOf(e.After), e.ActorId));
    }

    private static Guid? AssigneeOf(string? json) =>
        json is null ? null : JsonDocument.Parse(json).RootElement.GetProperty("assigneeId") is { ValueKind: JsonValueKind.String } id ? id.GetGuid() : null;

    [Fact]
    public async Task Assign_ThroughTheApi_RecomputesSlaWritesAuditAndPublishesTicketAssigned()
    {
        var admin = await factory.CreateAdminClientAsync();
        var team = await TeamAsync(admin);
        var agent = await AgentAsync(admin, team);
        // Friday 16:00 in Berlin: one business hour left, then Monday 09:00–12:00 for the 4-hour first response.
        var id = await OpenAsync(team, new DateTime(2026, 12, 4, 15, 0, 0, DateTimeKind.Utc));
        // Monday becomes a holiday; no SLA check runs, so only the assignment can move the deadline (to Tuesday).
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var europe = await platform.Regions.FirstAsync(r => r.Code == "europe");
            platform.Holidays.Add(new Nqba.Server.Platform.Calendar.CalendarHoliday { Id = Guid.NewGuid(), CalendarId = europe.CalendarId, Date = new DateOnly(2026, 12, 7), Name = "Assignment test holiday" });
            await platform.SaveChangesAsync();
        }

        var before = await SupportFactory.ReadAsync(await admin.GetAsync($"/api/support/tickets/{id}"));
        var assigned = await SupportFactory.ReadAsync(await admin.PostAsJsonAsync($"/api/support/tickets/{id}/assign", new { agentId = agent }));
        var again = await SupportFactory.ReadAsync(await admin.PostAsJsonAsync($"/api/support/tickets/{id}/assign", new { agentId = agent }));

        Assert.Equal(new DateTime(2026, 12, 7, 11, 0, 0, DateTimeKind.Utc), before.GetProperty("ticket").GetProperty("firstResponse").GetProperty("dueAt").GetDateTime().ToUniversalTime());
        Assert.Equal(new DateTime(2026, 12, 8, 11, 0, 0, DateTimeKind.Utc), assigned.GetProperty("firstResponse").GetProperty("dueAt").GetDateTime().ToUniversalTime());
        Assert.Equal(agent, assigned.GetProperty("assigneeId").GetGuid());
        Assert.Equal(agent, again.GetProperty("assigneeId").GetGuid());
        // Assigning the agent who already holds the ticket is no change: one event, one audit entry.
        Assert.Equal(new List<(Guid?, Guid)> { (null, agent) }, await EventsAsync(id));
        var audit = Assert.Single(await AuditAsync(id));
        Assert.Null(audit.Before);
        Assert.Equal(agent, audit.After);
        Assert.NotNull(audit.ActorId);
    }

    [Fact]
    public async Task Assign_UnknownAgent_Returns400ProblemNamingAgentIdAndChangesNothing()
    {
        var admin = await factory.CreateAdminClientAsync();
        var id = await OpenAsync(await TeamAsync(admin));

        var response = await admin.PostAsJsonAsync($"/api/support/tickets/{id}/assign", new { agentId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("agentId", out _), problem.ToString());
        Assert.Empty(await EventsAsync(id));
        Assert.Empty(await AuditAsync(id));
    }

    [Fact]
    public async Task Assign_ClosedTicket_Returns409AndChangesNothing()
    {
        var admin = await factory.CreateAdminClientAsync();
        var team = await TeamAsync(admin);
        var agent = await AgentAsync(admin, team);
        var id = await OpenAsync(team);
        await SupportFactory.ReadAsync(await admin.PostAsJsonAsync($"/api/support/tickets/{id}/status", new { status = "Closed" }));

        var response = await admin.PostAsJsonAsync($"/api/support/tickets/{id}/assign", new { agentId = agent });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await EventsAsync(id));
        Assert.Empty(await AuditAsync(id));
    }

    private async Task<HttpClient> StaffAsync()
    {
        var email = $"staff-{Guid.NewGuid():N}@nqba.test";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.SupportAgent);
        return await factory.CreateClientForAsync(email, password, await factory.EnableTotpAsync(email));
    }

    private static HttpRequestMessage AssignRequest(Guid ticketId, Guid agentId, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/support/tickets/{ticketId}/assign") { Content = JsonContent.Create(new { agentId }) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    private static async Task<(Guid? Assignee, string ETag)> ReadTicketAsync(HttpClient client, Guid ticketId)
    {
        var response = await client.GetAsync($"/api/support/tickets/{ticketId}");
        var ticket = (await SupportFactory.ReadAsync(response)).GetProperty("ticket");
        var assignee = ticket.GetProperty("assigneeId") is { ValueKind: JsonValueKind.String } id ? id.GetGuid() : (Guid?)null;
        return (assignee, response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Assign_TwoStaffRacingWithTheSameETagForFiftyRounds_ExactlyOneIsToldAssignedAndTheOthersGet412()
    {
        var admin = await factory.CreateAdminClientAsync();
        var staff = await StaffAsync();
        var team = await TeamAsync(admin);
        var a = await AgentAsync(admin, team);
        var b = await AgentAsync(admin, team);

        for (var round = 0; round < 50; round++)
        {
            var id = await OpenAsync(team);
            var (_, etag) = await ReadTicketAsync(admin, id);
            // Both staff members read the ticket, then each gives it to A and to B at once, sending the ETag they read.
            var wanted = new[] { (admin, a), (staff, a), (admin, b), (staff, b) };

            var responses = await Task.WhenAll(wanted.Select(w => w.Item1.SendAsync(AssignRequest(id, w.Item2, etag))));

            var winners = wanted.Zip(responses).Where(p => p.Second.IsSuccessStatusCode).ToList();
            var winner = Assert.Single(winners);
            Assert.Equal(winner.First.Item2, (await SupportFactory.ReadAsync(winner.Second)).GetProperty("assigneeId").GetGuid());
            Assert.All(responses.Where(r => !r.IsSuccessStatusCode), r =>
            {
                Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode);
                Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            });
            Assert.Equal(winner.First.Item2, (await ReadTicketAsync(admin, id)).Assignee);
            Assert.Equal(new List<(Guid?, Guid)> { (null, winner.First.Item2) }, await EventsAsync(id));
            Assert.Equal(new List<(Guid?, Guid?)> { (null, winner.First.Item2) }, (await AuditAsync(id)).Select(e => (e.Before, e.After)));
        }
    }

    [Fact]
    public async Task Assign_TwoStaffRacingWithoutETagForFiftyRounds_EveryoneToldAssignedHadTheTicketAndTheOthersGet409()
    {
        var admin = await factory.CreateAdminClientAsync();
        var staff = await StaffAsync();
        var team = await TeamAsync(admin);
        var a = await AgentAsync(admin, team);
        var b = await AgentAsync(admin, team);

        for (var round = 0; round < 50; round++)
        {
            var id = await OpenAsync(team);
            var wanted = new[] { (admin, a), (staff, b) };

            var responses = await Task.WhenAll(wanted.Select(w => w.Item1.SendAsync(AssignRequest(id, w.Item2, null))));

            // A request that overlapped the other's write lost (409); one that came after it reassigned the ticket.
            var told = new List<Guid>();
            foreach (var (want, response) in wanted.Zip(responses))
            {
                if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    continue;
                }

                Assert.Equal(want.Item2, (await SupportFactory.ReadAsync(response)).GetProperty("assigneeId").GetGuid());
                told.Add(want.Item2);
            }

            var events = await EventsAsync(id);
            Assert.NotEmpty(told);
            Assert.Equal(told.Order(), events.Select(e => e.Assignee).Order());
            Assert.Null(events[0].Previous);
            for (var i = 1; i < events.Count; i++)
            {
                Assert.Equal(events[i - 1].Assignee, events[i].Previous);
            }

            Assert.Equal(events[^1].Assignee, (await ReadTicketAsync(admin, id)).Assignee);
            var audit = await AuditAsync(id);
            Assert.Equal(
                events.Select(e => $"{e.Previous}>{e.Assignee}").Order(StringComparer.Ordinal),
                audit.Select(e => $"{e.Before}>{e.After}").Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Assign_StaleETag_Returns412ProblemAndChangesNothing()
    {
        var admin = await factory.CreateAdminClientAsync();
        var team = await TeamAsync(admin);
        var a = await AgentAsync(admin, team);
        var b = await AgentAsync(admin, team);
        var id = await OpenAsync(team);
        var (_, read) = await ReadTicketAsync(admin, id);
        var first = await admin.SendAsync(AssignRequest(id, a, read));
        var (_, current) = await ReadTicketAsync(admin, id);

        var stale = await admin.SendAsync(AssignRequest(id, b, read));
        var staleStatus = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/support/tickets/{id}/status")
        {
            Content = JsonContent.Create(new { status = "Solved" }),
            Headers = { { "If-Match", read } },
        });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(current, first.Headers.ETag?.ToString());
        Assert.NotEqual(read, current);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleStatus.StatusCode);
        var after = (await SupportFactory.ReadAsync(await admin.GetAsync($"/api/support/tickets/{id}"))).GetProperty("ticket");
        Assert.Equal(a, after.GetProperty("assigneeId").GetGuid());
        Assert.Equal("New", after.GetProperty("status").GetString());
        Assert.Equal(new List<(Guid?, Guid)> { (null, a) }, await EventsAsync(id));
    }
}
