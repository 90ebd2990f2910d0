using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Intake;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Events;
using Nqba.Testing;

namespace Nqba.Server.Tests.Platform;

public sealed class EventLogTests(EventLogTests.Factory factory) : IClassFixture<EventLogTests.Factory>
{
    public sealed class Factory : NqbaFactory
    {
        public RecordingSubscriber Recorder { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<IEventSubscriber<LeadCaptured>>(Recorder));
        }
    }

    public sealed class RecordingSubscriber : IEventSubscriber<LeadCaptured>
    {
        private readonly List<LeadCaptured> _seen = [];

        public IReadOnlyList<LeadCaptured> Seen
        {
            get
            {
                lock (_seen)
                {
                    return [.. _seen];
                }
            }
        }

        public Task HandleAsync(LeadCaptured domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
        {
            lock (_seen)
            {
                _seen.Add(domainEvent);
            }

            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task SeededLeads_EmitLeadCaptured_DispatchedOnceAndKept()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await factory.DeliverEventsAsync();

        var stored = await db.Events.AsNoTracking().Where(e => e.Type == nameof(LeadCaptured)).ToListAsync();

        Assert.Equal(5, stored.Count);
        Assert.All(stored, e => Assert.NotNull(e.DispatchedAt));
        Assert.Equal(5, factory.Recorder.Seen.Count);
        Assert.Equal(stored.Select(e => e.OrganizationId).Order(), factory.Recorder.Seen.Select(e => e.OrganizationId).Order());
    }
}
