using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Nqba.Server.Modules.Support;
using Nqba.Server.Modules.Support.Chat;
using Nqba.Server.Modules.Support.Chat.Persistence;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Tests.SupportChat;

/// <summary>
/// The live-chat first-response SLA on a fake clock. The clock starts two days ahead of the real one, so the
/// server's own monitors (running on real time) never see these chats due.
/// </summary>
public sealed class ChatSlaTests(ChatFactory factory) : IClassFixture<ChatFactory>
{
    private const string DefaultTeamLead = "support-lead@nqba.local";

    private static FakeTimeProvider Clock() => new(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(2).AddHours(12), TimeSpan.Zero));

    /// <summary>A visitor asks for a human while an agent console is online: the chat waits, its clock running.</summary>
    private async Task<Guid> WaitingChatAsync(FakeTimeProvider time)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<AgentPresenceTracker>(scope.ServiceProvider, time).ConnectedAsync("sla-" + Guid.NewGuid().ToString("N"), "agent-sla", "Agent SLA", CancellationToken.None);
        var chat = ActivatorUtilities.CreateInstance<ChatService>(scope.ServiceProvider, time);
        var token = ChatFactory.NewToken();
        var started = await chat.StartAsync(token, new StartChatRequest("Visitor", "visitor@example.com", ChatFactory.OpenRegion, "en"), null, CancellationToken.None);
        Assert.True(started.Succeeded, started.Error?.Detail);
        time.Advance(TimeSpan.FromSeconds(5));
        var waiting = await chat.RequestHumanAsync(token, CancellationToken.None);
        Assert.True(waiting.Succeeded, waiting.Error?.Detail);
        Assert.Equal(ChatStatus.Waiting, waiting.Value.Status);
        return started.Value.Conversation.Id;
    }

    private async Task<int> CheckAsync(FakeTimeProvider time)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChatSlaWatch>().CheckAsync(time.GetUtcNow().UtcDateTime, CancellationToken.None);
    }

    private async Task<ChatConversation> ConversationAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SupportChatDbContext>().Conversations.AsNoTracking().FirstAsync(c => c.Id == id);
    }

    private async Task<int> EventCountAsync(string type, Guid conversationId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var payloads = await scope.ServiceProvider.GetRequiredService<SupportChatDbContext>().Set<StoredEvent>().AsNoTracking().Where(e => e.Type == type).Select(e => e.Payload).ToListAsync();
        return payloads.Count(p => p.Contains(conversationId.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task WaitingChat_WarnsAt80AndBreachesAt100_ExactlyOnce_AndTheTeamLeadIsTold()
    {
        var time = Clock();
        var id = await WaitingChatAsync(time);
        var waitingSince = time.GetUtcNow().UtcDateTime;

        time.Advance(TimeSpan.FromSeconds(23));
        await CheckAsync(time);
        var warningsBefore80 = await EventCountAsync(nameof(SlaWarning), id);
        time.Advance(TimeSpan.FromSeconds(1));
        await CheckAsync(time);
        await CheckAsync(time);
        var warnings = await EventCountAsync(nameof(SlaWarning), id);
        time.Advance(TimeSpan.FromSeconds(5));
        await CheckAsync(time);
        var breachesBefore100 = await EventCountAsync(nameof(SlaBreached), id);

        // Two instances racing at the breach: the claim lets one of them publish.
        time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(CheckAsync(time), CheckAsync(time));
        time.Advance(TimeSpan.FromSeconds(30));
        await CheckAsync(time);
        var conversation = await ConversationAsync(id);

        Assert.Equal("Live chat", conversation.SlaPolicy);
        Assert.Equal(waitingSince.AddSeconds(24), conversation.SlaWarnedAt);
        Assert.Equal(waitingSince.AddSeconds(30), conversation.FirstResponseDueAt);
        Assert.Equal(0, warningsBefore80);
        Assert.Equal(1, warnings);
        Assert.Equal(0, breachesBefore100);
        Assert.Equal(1, await EventCountAsync(nameof(SlaBreached), id));
        Assert.Equal(1, await EventCountAsync(nameof(SlaWarning), id));
        var breachMail = (await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == DefaultTeamLead)
            && m.Subject?.Contains("breach", StringComparison.Ordinal) == true && m.TextBody?.Contains(id.ToString("N"), StringComparison.Ordinal) == true)).FirstOrDefault();
        Assert.NotNull(breachMail);
        Assert.Contains("/support/chat", breachMail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptedInTime_RecordsTheFirstResponseTime_AndNothingFires()
    {
        var time = Clock();
        var id = await WaitingChatAsync(time);

        time.Advance(TimeSpan.FromSeconds(12.5));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var accepted = await ActivatorUtilities.CreateInstance<ChatService>(scope.ServiceProvider, time).AcceptAsync(id, "agent-sla", "Agent SLA", CancellationToken.None);
            Assert.True(accepted.Succeeded, accepted.Error?.Detail);
            Assert.Equal(12.5, accepted.Value.Conversation.FirstResponseSeconds);
        }

        time.Advance(TimeSpan.FromMinutes(5));
        var published = await CheckAsync(time);
        var conversation = await ConversationAsync(id);

        Assert.Equal(0, published);
        Assert.Equal(12.5, conversation.FirstResponseSeconds);
        Assert.Equal(time.GetUtcNow().UtcDateTime.AddMinutes(-5), conversation.FirstRespondedAt);
        Assert.Null(conversation.FirstResponseWarnAt);
        Assert.Null(conversation.FirstResponseDueAt);
        Assert.Equal(0, await EventCountAsync(nameof(SlaWarning), id));
        Assert.Equal(0, await EventCountAsync(nameof(SlaBreached), id));
    }

    [Fact]
    public async Task AcceptedLate_BeforeTheWatchLooked_StillRecordsTheBreachOnce_ButNoWarning()
    {
        var time = Clock();
        var id = await WaitingChatAsync(time);

        time.Advance(TimeSpan.FromSeconds(41));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var accepted = await ActivatorUtilities.CreateInstance<ChatService>(scope.ServiceProvider, time).AcceptAsync(id, "agent-sla", "Agent SLA", CancellationToken.None);
            Assert.True(accepted.Succeeded, accepted.Error?.Detail);
        }

        await CheckAsync(time);
        await CheckAsync(time);
        var conversation = await ConversationAsync(id);

        Assert.Equal(41, conversation.FirstResponseSeconds);
        Assert.Equal(1, await EventCountAsync(nameof(SlaBreached), id));
        Assert.Equal(0, await EventCountAsync(nameof(SlaWarning), id));
    }
}
