using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nqba.Server.Modules.Intake;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Events;
using Nqba.Testing;

namespace Nqba.Server.Tests.Platform;

/// <summary>
/// Delivery is per subscriber: of two subscribers to one event, the one that fails is retried alone (with back-off,
/// on a fake clock) and the other's effect happens once; after the last allowed attempt the failing delivery is
/// parked, listed for administrators, and a replay runs that subscriber alone. The dispatcher is driven explicitly.
/// </summary>
public sealed class OutboxDeliveryTests(OutboxDeliveryTests.Factory factory) : IClassFixture<OutboxDeliveryTests.Factory>
{
    private const int MaxAttempts = 4;

    public sealed class Factory : NqbaFactory
    {
        public FakeTimeProvider FakeClock { get; } = new(DateTimeOffset.UtcNow);

        public SteadySubscriber Steady { get; } = new();

        public FlakySubscriber Flaky { get; } = new();

        /// <summary>Signed in before the clock moves: the authenticator code is checked against the server's clock.</summary>
        public HttpClient Admin { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            // The fake clock stands still from here while real time (the codes) moves on: a step ending during the
            // sign-in would put the second code two steps ahead of the server's clock.
            await OneTimeCodes.ClearOfStepEndAsync(TimeSpan.FromSeconds(10));
            FakeClock.SetUtcNow(DateTimeOffset.UtcNow);
            Admin = await CreateAdminClientAsync();
        }

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Events:DispatchInBackground"] = "false",
            ["Events:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(FakeClock);
                s.AddSingleton<IEventSubscriber<LeadCaptured>>(Steady);
                s.AddSingleton<IEventSubscriber<LeadCaptured>>(Flaky);
            });
        }
    }

    /// <summary>Counts its effect per lead; never fails.</summary>
    public sealed class SteadySubscriber : IEventSubscriber<LeadCaptured>
    {
        public ConcurrentDictionary<Guid, int> Effects { get; } = new();

        public Task HandleAsync(LeadCaptured domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
        {
            Effects.AddOrUpdate(domainEvent.LeadId, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }

    /// <summary>Fails as often as <see cref="FailuresLeft"/> says for a lead, then counts its effect.</summary>
    public sealed class FlakySubscriber : IEventSubscriber<LeadCaptured>
    {
        public ConcurrentDictionary<Guid, int> FailuresLeft { get; } = new();

        public ConcurrentDictionary<Guid, int> Calls { get; } = new();

        public ConcurrentDictionary<Guid, int> Effects { get; } = new();

        public Task HandleAsync(LeadCaptured domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
        {
            Calls.AddOrUpdate(domainEvent.LeadId, 1, (_, n) => n + 1);
            if (FailuresLeft.TryGetValue(domainEvent.LeadId, out var left) && left > 0)
            {
                FailuresLeft[domainEvent.LeadId] = left - 1;
                throw new InvalidOperationException("The mail server refused the message (test).");
            }

            Effects.AddOrUpdate(domainEvent.LeadId, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }

    private static string FlakyName => typeof(FlakySubscriber).FullName!;

    /// <summary>Runs the dispatcher until nothing is due now (events in back-off wait for the clock).</summary>
    private async Task DrainAsync()
    {
        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchPendingAsync(CancellationToken.None) > 0)
        {
        }
    }

    /// <summary>Past the back-off of the first attempts (2, 4, 8, 16 s): well inside the admin token's hour.</summary>
    private void AdvancePastBackOff() => factory.FakeClock.Advance(TimeSpan.FromMinutes(1));

    private async Task<Guid> CaptureLeadAsync(int failures)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/leads", new
        {
            name = "Dora Delivery",
            email = $"delivery-{Guid.NewGuid():N}@outbox.example",
            company = "Outbox Ltd",
            regionCode = "europe",
            source = "WebForm",
            language = "en",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var lead = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid();
        factory.Flaky.FailuresLeft[lead] = failures;
        return lead;
    }

    private async Task<(StoredEvent Event, List<EventDelivery> Deliveries)> EventOfAsync(Guid lead)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var events = await db.Events.AsNoTracking().Where(e => e.Type == nameof(LeadCaptured)).ToListAsync();
        var stored = events.Single(e => e.Payload.Contains(lead.ToString(), StringComparison.OrdinalIgnoreCase));
        return (stored, await db.EventDeliveries.AsNoTracking().Where(d => d.EventId == stored.Id).ToListAsync());
    }

    [Fact]
    public async Task OneSubscriberFailsThreeTimes_TheOtherActsOnce_TheFailingOneOnceAfterRecovery()
    {
        var lead = await CaptureLeadAsync(failures: 3);

        for (var round = 1; round <= 3; round++)
        {
            await DrainAsync();
            Assert.Equal(1, factory.Steady.Effects.GetValueOrDefault(lead));
            Assert.Equal(0, factory.Flaky.Effects.GetValueOrDefault(lead));
            Assert.Equal(round, factory.Flaky.Calls.GetValueOrDefault(lead));

            // Back-off: nothing runs again before the retry time.
            await DrainAsync();
            Assert.Equal(round, factory.Flaky.Calls.GetValueOrDefault(lead));
            AdvancePastBackOff();
        }

        await DrainAsync();
        AdvancePastBackOff();
        await DrainAsync();

        Assert.Equal(1, factory.Steady.Effects.GetValueOrDefault(lead));
        Assert.Equal(1, factory.Flaky.Effects.GetValueOrDefault(lead));
        Assert.Equal(4, factory.Flaky.Calls.GetValueOrDefault(lead));
        var (stored, deliveries) = await EventOfAsync(lead);
        Assert.NotNull(stored.DispatchedAt);
        var steady = Assert.Single(deliveries, d => d.Subscriber == typeof(SteadySubscriber).FullName);
        Assert.Equal(1, steady.Attempts);
        Assert.NotNull(steady.DeliveredAt);
        var flaky = Assert.Single(deliveries, d => d.Subscriber == FlakyName);
        Assert.Equal(4, flaky.Attempts);
        Assert.NotNull(flaky.DeliveredAt);
        Assert.Null(flaky.ParkedAt);
    }

    [Fact]
    public async Task AfterTheLastAttempt_TheDeliveryIsParked_ListedForAdmins_AndAReplayRunsOnlyThatSubscriber()
    {
        var lead = await CaptureLeadAsync(failures: int.MaxValue);
        for (var round = 1; round <= MaxAttempts + 1; round++)
        {
            await DrainAsync();
            AdvancePastBackOff();
        }

        Assert.Equal(MaxAttempts, factory.Flaky.Calls.GetValueOrDefault(lead));
        var (stored, deliveries) = await EventOfAsync(lead);
        Assert.NotNull(stored.DispatchedAt);
        var parked = Assert.Single(deliveries, d => d.Subscriber == FlakyName);
        Assert.NotNull(parked.ParkedAt);
        Assert.Contains("mail server refused", parked.LastError, StringComparison.Ordinal);

        var admin = factory.Admin;
        var letters = await admin.GetFromJsonAsync<List<JsonElement>>("/api/events/dead-letters");
        var letter = Assert.Single(letters!, l => l.GetProperty("eventId").GetInt64() == stored.Id);
        Assert.Equal(FlakyName, letter.GetProperty("subscriber").GetString());
        Assert.Equal(MaxAttempts, letter.GetProperty("attempts").GetInt32());
        Assert.Equal(nameof(LeadCaptured), letter.GetProperty("type").GetString());

        // Bad replays name what is wrong.
        var blank = await admin.PostAsJsonAsync($"/api/events/dead-letters/{stored.Id}/replay", new { subscriber = " " });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.True((await blank.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("subscriber", out _));
        var unknown = await admin.PostAsJsonAsync($"/api/events/dead-letters/{stored.Id}/replay", new { subscriber = "No.Such.Subscriber" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var notANumber = await admin.PostAsJsonAsync("/api/events/dead-letters/abc/replay", new { subscriber = FlakyName });
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.True((await notANumber.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("eventId", out _));
        var delivered = await admin.PostAsJsonAsync($"/api/events/dead-letters/{stored.Id}/replay", new { subscriber = typeof(SteadySubscriber).FullName });
        Assert.Equal(HttpStatusCode.Conflict, delivered.StatusCode);

        // The cause is fixed; two administrators replay at once: one replay takes effect.
        factory.Flaky.FailuresLeft[lead] = 0;
        var replays = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            admin.PostAsJsonAsync($"/api/events/dead-letters/{stored.Id}/replay", new { subscriber = FlakyName })));
        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], replays.Select(r => r.StatusCode).Order());
        await DrainAsync();

        Assert.Equal(1, factory.Flaky.Effects.GetValueOrDefault(lead));
        Assert.Equal(1, factory.Steady.Effects.GetValueOrDefault(lead));
        (stored, deliveries) = await EventOfAsync(lead);
        Assert.NotNull(stored.DispatchedAt);
        Assert.NotNull(Assert.Single(deliveries, d => d.Subscriber == FlakyName).DeliveredAt);
        letters = await admin.GetFromJsonAsync<List<JsonElement>>("/api/events/dead-letters");
        Assert.DoesNotContain(letters!, l => l.GetProperty("eventId").GetInt64() == stored.Id);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "platform.event.replayed" && a.EntityId == stored.Id.ToString()));
    }

    [Fact]
    public async Task DeadLetterList_IsForAdministratorsOnly_AndRefusesABadLimit()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/events/dead-letters")).StatusCode);
        var admin = factory.Admin;
        var bad = await admin.GetAsync("/api/events/dead-letters?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("limit", out _));
    }
}
