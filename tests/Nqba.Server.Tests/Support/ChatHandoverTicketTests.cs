using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Support.Chat;
using Nqba.Server.Modules.Support.Chat.Persistence;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Tests.Support;

public sealed class ChatHandoverTicketTests(SupportFactory factory) : IClassFixture<SupportFactory>
{
    private async Task PublishAsync(ChatHandedOver handedOver)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportDbContext>();
        db.Publish(handedOver, DateTime.UtcNow);
        await db.SaveChangesAsync();
    }

    /// <summary>The chat tickets of <paramref name="email"/> once the events due now are delivered.</summary>
    private async Task<List<JsonElement>> ChatTicketsOfAsync(HttpClient admin, string email)
    {
        await factory.DeliverEventsAsync();
        var list = await admin.GetFromJsonAsync<List<JsonElement>>("/api/support/tickets?channel=Chat");
        return [.. list!.Where(t => t.GetProperty("requesterEmail").GetString() == email)];
    }

    /// <summary>A conversation as the chat service leaves it when handing over: in the chat store, with its messages.</summary>
    private async Task<Guid> ConversationAsync(string name, string email, params (ChatSender Sender, string Name, string Body)[] messages)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var chat = scope.ServiceProvider.GetRequiredService<SupportChatDbContext>();
        var now = DateTime.UtcNow;
        var conversation = new ChatConversation
        {
            Id = Guid.NewGuid(),
            VisitorKey = Guid.NewGuid().ToString("N"),
            VisitorName = name,
            VisitorEmail = email,
            RegionCode = "europe",
            Language = "de",
            Status = ChatStatus.HandedOver,
            StartedAt = now,
            LastActivityAt = now,
            HandedOverAt = now,
            OutsideHours = true,
        };
        chat.Conversations.Add(conversation);
        var i = 0;
        foreach (var (sender, senderName, body) in messages)
        {
            chat.Messages.Add(new ChatMessage { Id = Guid.NewGuid(), ConversationId = conversation.Id, Sender = sender, SenderName = senderName, Body = body, SentAt = now.AddSeconds(i++) });
        }

        await chat.SaveChangesAsync();
        return conversation.Id;
    }

    [Fact]
    public async Task ChatOutsideBusinessHours_BecomesOneTicketWithTheTranscript_EvenWhenTheEventIsDeliveredTwice()
    {
        var admin = await factory.CreateAdminClientAsync();
        var email = $"night-owl-{Guid.NewGuid():N}@client.example";
        var conversation = await ConversationAsync("Nora Nacht", email, (ChatSender.Visitor, "Nora Nacht", "Mein Login geht nicht."), (ChatSender.Bot, "NQBA Assistant", "I am not sure."));
        var handedOver = new ChatHandedOver(conversation, null, "europe", "de", OutsideHours: true, DateTime.UtcNow);

        await PublishAsync(handedOver);
        await PublishAsync(handedOver);

        var ticket = Assert.Single(await ChatTicketsOfAsync(admin, email));
        Assert.Equal("Chat outside business hours", ticket.GetProperty("subject").GetString());
        Assert.Equal("europe", ticket.GetProperty("regionCode").GetString());
        Assert.Equal("Nora Nacht", ticket.GetProperty("requesterName").GetString());
        var detail = await admin.GetStringAsync($"/api/support/tickets/{ticket.GetProperty("id").GetGuid()}");
        Assert.Contains("Nora Nacht: Mein Login geht nicht.", detail, StringComparison.Ordinal);
        Assert.Contains("NQBA Assistant: I am not sure.", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandedOverEvent_InTheEventLog_CarriesNoNameEmailOrMessages()
    {
        var email = $"private-{Guid.NewGuid():N}@client.example";
        var conversation = await ConversationAsync("Priya Private", email, (ChatSender.Visitor, "Priya Private", "My account number is 4711."));

        await PublishAsync(new ChatHandedOver(conversation, null, "europe", "de", OutsideHours: false, DateTime.UtcNow));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportDbContext>();
        var payloads = await db.Set<StoredEvent>().AsNoTracking().Where(e => e.Type == "support.chat-handed-over").Select(e => e.Payload).ToListAsync();
        var payload = Assert.Single(payloads, p => p.Contains(conversation.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(email, payload, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Priya", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("4711", payload, StringComparison.Ordinal);
    }
}
