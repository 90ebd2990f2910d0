using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Intake;
using Nqba.Server.Modules.Scheduling;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Tests.Scheduling;

public sealed class LeadSlotsTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    [Fact]
    public async Task LeadRoutedEvent_CopiedByScheduling_SlotsAreTheRoutedSpecialistsAndBookingCarriesTheLead()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var leadId = Guid.NewGuid();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // Delivered as the outbox dispatcher would: every subscriber of Intake's public events.
            foreach (var subscriber in scope.ServiceProvider.GetServices<IEventSubscriber<AssessmentCompleted>>())
            {
                await subscriber.HandleAsync(new AssessmentCompleted(leadId, null, Guid.NewGuid(), 1, 82, default, "nqba-core", "flyfox-ai", "test-20", DateTime.UtcNow), new StoredEventInfo(1, Guid.NewGuid(), "AssessmentCompleted", DateTime.UtcNow), CancellationToken.None);
            }

            foreach (var subscriber in scope.ServiceProvider.GetServices<IEventSubscriber<LeadRouted>>().Where(s => s.GetType().Namespace!.Contains("Scheduling", StringComparison.Ordinal)))
            {
                await subscriber.HandleAsync(new LeadRouted(leadId, null, specialist, "nqba-core", "Best skill match", "fast", DateTime.UtcNow), new StoredEventInfo(2, Guid.NewGuid(), "LeadRouted", DateTime.UtcNow), CancellationToken.None);
            }
        }

        var staff = await factory.CreateAdminClientAsync();
        var date = SchedulingFactory.Weekday(8).ToString("yyyy-MM-dd", null);
        var slots = await staff.GetFromJsonAsync<JsonElement>($"/api/scheduling/leads/{leadId}/slots?from={date}&to={date}&timeZone=Europe/Berlin");
        var first = slots.GetProperty("slots")[0];
        var booked = await factory.CreateClient().PostAsJsonAsync("/api/scheduling/bookings",
            new { start = first.GetProperty("start").GetDateTimeOffset(), leadId, meetingType = "test-20", name = "Lead Person", email = "lead@example.com" });
        var briefing = await staff.GetFromJsonAsync<JsonElement>($"/api/scheduling/bookings/{(await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()}/briefing");

        Assert.Equal("test-20", slots.GetProperty("meetingType").GetString()); // the assessment's recommendation
        Assert.All(slots.GetProperty("slots").EnumerateArray(), s => Assert.Equal(specialist, s.GetProperty("specialistIds")[0].GetGuid()));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal(82, briefing.GetProperty("assessmentTotal").GetInt32());
        Assert.Equal("Best skill match", briefing.GetProperty("routingReason").GetString());
        // Support's tickets and the pipeline's deal are in the briefing now (none for this lead, which Intake never had);
        // the modules still to come are marked.
        Assert.Equal(0, briefing.GetProperty("openTickets").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, briefing.GetProperty("deal").ValueKind);
        Assert.DoesNotContain("open tickets", briefing.GetProperty("notAvailableYet").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("pipeline stage", briefing.GetProperty("notAvailableYet").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("CSAT/NPS history", briefing.GetProperty("notAvailableYet").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Attendance_BeforeTheMeeting_IsRefused_AfterItStartedNoShowIsRecordedOnce()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var start = SchedulingFactory.Berlin(SchedulingFactory.Weekday(8), 12);
        var created = await (await factory.CreateClient().PostAsJsonAsync("/api/scheduling/bookings",
            new { meetingType = "test-20", start, specialistId = specialist, name = "Ada", email = "noshow@example.com" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var staff = await factory.CreateAdminClientAsync();

        var early = await staff.PostAsync($"/api/scheduling/bookings/{id}/no-show", null);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // The meeting's time comes: move it into the past.
            var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
            await db.Bookings.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Start, DateTime.UtcNow.AddHours(-1)).SetProperty(b => b.End, DateTime.UtcNow.AddMinutes(-40)));
        }

        var noShow = await staff.PostAsync($"/api/scheduling/bookings/{id}/no-show", null);
        var twice = await staff.PostAsync($"/api/scheduling/bookings/{id}/held", null);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, noShow.StatusCode);
        Assert.Equal("NoShow", (await noShow.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        await using var check = factory.Services.CreateAsyncScope();
        var events = await check.ServiceProvider.GetRequiredService<SchedulingDbContext>().Set<StoredEvent>().AsNoTracking()
            .Where(e => e.Type == nameof(NoShow)).Select(e => e.Payload).ToListAsync();
        Assert.Single(events, p => p.Contains(id.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(events, p => p.Contains("noshow@example.com", StringComparison.Ordinal));
    }
}
