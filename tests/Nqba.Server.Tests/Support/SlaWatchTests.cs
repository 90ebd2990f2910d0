using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Support;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Sla;
using Nqba.Server.Modules.Support.Tickets;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Company;

namespace Nqba.Server.Tests.Support;

public sealed class SlaWatchTests(SupportFactory factory) : IClassFixture<SupportFactory>
{
    private async Task<Guid> OpenAsync(TicketChannel channel, TicketPriority priority, DateTime at)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<TicketDesk>();
        var result = await desk.OpenAsync(new OpenTicket("Clock test", "Tester", "tester@client.example", null, new NewMessage(channel, MessageAuthor.Client, "Tester", "help"), priority, At: at), CancellationToken.None);
        Assert.True(result.Succeeded, result.Error?.Detail);
        return result.Value.Id;
    }

    private async Task<int> CheckAsync(DateTime now)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SlaWatch>().CheckAsync(now, CancellationToken.None);
    }

    [Fact]
    public async Task Emergency_WarningAt80AndBreachAt100_EachPublishedExactlyOnce()
    {
        var opened = new DateTime(2026, 12, 6, 3, 0, 0, DateTimeKind.Utc); // Sunday night: 24/7 clock
        var id = await OpenAsync(TicketChannel.Hotline, TicketPriority.Emergency, opened);

        await CheckAsync(opened.AddMinutes(11));
        var warningsBefore80 = await factory.EventCountAsync(nameof(SlaWarning), id);
        await CheckAsync(opened.AddMinutes(12).AddSeconds(1));
        await CheckAsync(opened.AddMinutes(13));
        var warnings = await factory.EventCountAsync(nameof(SlaWarning), id);
        var breachesBefore100 = await factory.EventCountAsync(nameof(SlaBreached), id);

        // Two instances racing at the breach: the claim lets one of them publish.
        await Task.WhenAll(CheckAsync(opened.AddMinutes(16)), CheckAsync(opened.AddMinutes(16)));
        // Still within the update clock (30 min from the opening message, warned at 24): only first response counts.
        await CheckAsync(opened.AddMinutes(20));

        Assert.Equal(0, warningsBefore80);
        Assert.Equal(1, warnings);
        Assert.Equal(0, breachesBefore100);
        Assert.Equal(1, await factory.EventCountAsync(nameof(SlaBreached), id));
        Assert.Equal(1, await factory.EventCountAsync(nameof(SlaWarning), id));
    }

    [Fact]
    public async Task NextResponse_EachUnansweredClientMessageIsItsOwnCycle_BreachedOnceEach()
    {
        var opened = new DateTime(2026, 12, 6, 3, 0, 0, DateTimeKind.Utc);
        var id = await OpenAsync(TicketChannel.Hotline, TicketPriority.Emergency, opened);

        // Answered in time (first response met); the client writes at 10 min and waits: due at 40 (30 min, 24/7).
        await AddHistoryAsync(id, Message(id, MessageAuthor.Agent, opened.AddMinutes(5)), Message(id, MessageAuthor.Client, opened.AddMinutes(10)));
        await CheckAsync(opened.AddMinutes(45));
        await CheckAsync(opened.AddMinutes(46));

        // Answered at 50, the client writes again at 60: a new cycle, due at 90.
        await AddHistoryAsync(id, Message(id, MessageAuthor.Agent, opened.AddMinutes(50)), Message(id, MessageAuthor.Client, opened.AddMinutes(60)));
        await CheckAsync(opened.AddMinutes(95));
        await CheckAsync(opened.AddMinutes(96));

        await using var check = factory.Services.CreateAsyncScope();
        var alerts = await check.ServiceProvider.GetRequiredService<SupportDbContext>().SlaAlerts.Where(a => a.TicketId == id && a.Kind == SlaAlertKind.Breach).ToListAsync();
        Assert.Equal([opened.AddMinutes(40), opened.AddMinutes(90)], alerts.Where(a => a.Clock == SlaClockKind.NextResponse).Select(a => a.DueAt).Order());
        Assert.DoesNotContain(alerts, a => a.Clock == SlaClockKind.FirstResponse);
        Assert.Equal(alerts.Count, await factory.EventCountAsync(nameof(SlaBreached), id));
    }

    private async Task AddHistoryAsync(Guid id, params TicketMessage[] messages)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportDbContext>();
        db.Messages.AddRange(messages);
        var ticket = await db.Tickets.FirstAsync(t => t.Id == id);
        await scope.ServiceProvider.GetRequiredService<TicketDesk>().RecomputeAsync(ticket, CancellationToken.None);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task PolicyChange_RecomputesOpenTicketsFromTheirHistory()
    {
        var opened = new DateTime(2026, 12, 6, 3, 0, 0, DateTimeKind.Utc);
        var id = await OpenAsync(TicketChannel.Hotline, TicketPriority.Emergency, opened);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportDbContext>();
        var ticket = await db.Tickets.AsNoTracking().FirstAsync(t => t.Id == id);
        var company = scope.ServiceProvider.GetRequiredService<Nqba.Server.Platform.Company.ICompanyDirectory>();
        var regions = (await company.GetAsync(CancellationToken.None)).Regions;
        var options = new SupportOptions { SlaPolicies = SlaPolicy.ProductDefaults() };
        options.SlaPolicies.Single(p => p.Name == "Emergency").FirstResponse = TimeSpan.FromMinutes(5);
        var set = new SlaCalendarSet(
            regions.ToDictionary(r => r.Code, r => (IWorkingTime)WorkingTimeTable.Around(r.Hours, opened)),
            regions.ToDictionary(r => r.Code, r => r.Code),
            new Dictionary<Guid, string>(),
            "us-east",
            options.SlaPolicies,
            0.8,
            "changed");

        await scope.ServiceProvider.GetRequiredService<SlaWatch>().RecomputeOpenAsync(set, CancellationToken.None);

        var after = await db.Tickets.AsNoTracking().FirstAsync(t => t.Id == id);
        Assert.Equal(opened.AddMinutes(15), ticket.FirstResponseDueAt);
        Assert.Equal(opened.AddMinutes(5), after.FirstResponseDueAt);
    }

    [Fact]
    public async Task RegionHolidayAdded_TheWatchRecomputesOpenTicketsDeadlines()
    {
        // Friday 16:00 in Berlin: one business hour left, then Monday 09:00–12:00 for a 4-hour first response.
        var opened = new DateTime(2026, 12, 4, 15, 0, 0, DateTimeKind.Utc);
        Guid id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<TicketDesk>().OpenAsync(
                new OpenTicket("Calendar test", "Tester", "tester@client.example", null, new NewMessage(TicketChannel.Portal, MessageAuthor.Client, "Tester", "help"), RegionCode: "europe", At: opened),
                CancellationToken.None);
            Assert.True(result.Succeeded, result.Error?.Detail);
            id = result.Value.Id;
        }

        await CheckAsync(opened.AddMinutes(1));
        var before = await DueAtAsync(id);

        // Monday becomes a holiday in Europe's calendar (the company directory's regions and holidays).
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var europe = await platform.Regions.FirstAsync(r => r.Code == "europe");
            platform.Holidays.Add(new Nqba.Server.Platform.Calendar.CalendarHoliday { Id = Guid.NewGuid(), CalendarId = europe.CalendarId, Date = new DateOnly(2026, 12, 7), Name = "Test holiday" });
            await platform.SaveChangesAsync();
        }

        await CheckAsync(opened.AddMinutes(2));
        var after = await DueAtAsync(id);

        Assert.Equal(new DateTime(2026, 12, 7, 11, 0, 0, DateTimeKind.Utc), before);
        Assert.Equal(new DateTime(2026, 12, 8, 11, 0, 0, DateTimeKind.Utc), after);
    }

    [Fact]
    public async Task TicketDetail_ReportsBusinessMinutesToFirstResponseAndSolution_AndTimePaused()
    {
        var opened = new DateTime(2026, 12, 6, 3, 0, 0, DateTimeKind.Utc); // Emergency: 24/7, so minutes are plain minutes
        var id = await OpenAsync(TicketChannel.Hotline, TicketPriority.Emergency, opened);
        await AddHistoryAsync(id, Message(id, MessageAuthor.Agent, opened.AddMinutes(5)));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupportDbContext>();
            var ticket = await db.Tickets.FirstAsync(t => t.Id == id);
            TicketStatusChange Change(TicketStatus from, TicketStatus to, int minutes) =>
                new() { Id = Guid.CreateVersion7(), TicketId = id, From = from, To = to, At = opened.AddMinutes(minutes), By = "test" };
            db.StatusChanges.AddRange(
                Change(TicketStatus.New, TicketStatus.PendingOnClient, 10),
                Change(TicketStatus.PendingOnClient, TicketStatus.Open, 40),
                Change(TicketStatus.Open, TicketStatus.Solved, 60));
            ticket.Status = TicketStatus.Solved;
            await db.SaveChangesAsync();
        }

        var admin = await factory.CreateAdminClientAsync();
        var sla = (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/support/tickets/{id}")).GetProperty("sla");

        Assert.Equal("Emergency", sla.GetProperty("policy").GetString());
        Assert.Equal(5, sla.GetProperty("businessMinutesToFirstResponse").GetDouble());
        Assert.Equal(30, sla.GetProperty("businessMinutesToSolution").GetDouble()); // 60 minutes less 30 pending on the client
        Assert.Equal(30, sla.GetProperty("minutesPaused").GetDouble());
        Assert.False(sla.GetProperty("firstResponseMissed").GetBoolean());
        Assert.False(sla.GetProperty("solutionMissed").GetBoolean());
    }

    private async Task<DateTime?> DueAtAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<SupportDbContext>().Tickets.AsNoTracking().FirstAsync(t => t.Id == id)).FirstResponseDueAt;
    }

    private static TicketMessage Message(Guid ticketId, MessageAuthor author, DateTime at) =>
        new() { Id = Guid.CreateVersion7(), TicketId = ticketId, Author = author, AuthorName = author.ToString(), Body = "…", Channel = TicketChannel.Hotline, At = at };
}
