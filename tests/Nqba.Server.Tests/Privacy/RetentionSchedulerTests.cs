using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nqba.Server.Modules.Access.Privacy;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Tests.Privacy;

/// <summary>The retention purge as the host runs it: once at start, then every <c>Access:RetentionInterval</c>.</summary>
public sealed class RetentionSchedulerTests(PrivacyFactory factory) : IClassFixture<PrivacyFactory>
{
    private async Task<Guid> CaptureAgedLeadAsync(string name, int daysAgo)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/leads", new
        {
            name,
            email = $"retention-{Guid.NewGuid():N}@scheduler.example",
            company = "Retention Ltd",
            regionCode = "europe",
            source = "WebForm",
            language = "en",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid();
        var at = DateTime.UtcNow.AddDays(-daysAgo);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        await db.Leads.IgnoreQueryFilters().Where(l => l.Id == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.CapturedAt, at));
        await db.Contacts.IgnoreQueryFilters().Where(c => db.Leads.IgnoreQueryFilters().Any(l => l.Id == id && l.ContactId == c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, at));
        return id;
    }

    /// <summary>The lead's contact name as the server reads it (decrypted, or "[erased]").</summary>
    private async Task<string> NameAsync(Guid lead)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        return (await db.Leads.IgnoreQueryFilters().AsNoTracking().SingleAsync(l => l.Id == lead)).ContactName;
    }

    private async Task<bool> EventuallyErasedAsync(Guid lead, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        do
        {
            if (await NameAsync(lead) == FieldProtector.ErasedValue)
            {
                return true;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return false;
    }

    [Fact]
    public async Task Scheduler_PurgesAtStart_AndAgainAfterEachInterval()
    {
        var first = await CaptureAgedLeadAsync("Otto Outdated", daysAgo: 40);
        var fresh = await CaptureAgedLeadAsync("Frieda Fresh", daysAgo: 5);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var scheduler = ActivatorUtilities.CreateInstance<RetentionScheduler>(factory.Services, (TimeProvider)clock);

        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            Assert.True(await EventuallyErasedAsync(first, TimeSpan.FromSeconds(60)), "the purge at start erases the lead past the 30 days");
            var second = await CaptureAgedLeadAsync("Selma Stale", daysAgo: 35);
            Assert.False(await EventuallyErasedAsync(second, TimeSpan.FromSeconds(1)), "nothing runs before the interval has passed");

            clock.Advance(TimeSpan.FromDays(30));

            Assert.True(await EventuallyErasedAsync(second, TimeSpan.FromSeconds(60)), "the next interval's purge erases the lead aged since");
            Assert.Equal("Frieda Fresh", await NameAsync(fresh));
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
    }
}
