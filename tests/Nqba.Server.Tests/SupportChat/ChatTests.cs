using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nqba.Server.Modules.Support.Chat;
using Nqba.Server.Modules.Support.Chat.Persistence;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Tests.SupportChat;

/// <summary>Live chat end to end over SignalR: visitor widget, bot, agent console, handover to tickets.</summary>
public sealed class ChatTests(ChatFactory factory) : IClassFixture<ChatFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task Bot_AnswersFromTheMatchingArticle_WithHighConfidence()
    {
        var admin = await factory.CreateAdminClientAsync();
        var word = KnowledgeBaseTests.Unique();
        var article = await KnowledgeBaseTests.CreateAsync(admin, $"Change the {word} invoice address", $"Open **Billing**, choose *Invoice address* and save the new {word} address.", "en");
        var inbox = new ChatFactory.Inbox();
        await using var visitor = await factory.ConnectVisitorAsync(ChatFactory.NewToken(), inbox);

        await visitor.InvokeAsync<ConversationView>("Start", Visitor(ChatFactory.OpenRegion));
        await visitor.InvokeAsync<MessageView>("Send", $"How do I change my {word} invoice address?");
        var answer = await inbox.WaitForAsync<MessageView>(m => m.Sender == ChatSender.Bot && m.ArticleId is not null);

        Assert.Equal(article, answer.ArticleId);
        Assert.True(answer.Confidence >= 0.6, $"confidence {answer.Confidence}");
        Assert.Contains("invoice address", answer.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Bot_HalfSure_AnswersButSaysItIsUnsure_AndKeepsTheChat()
    {
        var admin = await factory.CreateAdminClientAsync();
        var word = KnowledgeBaseTests.Unique();
        var article = await KnowledgeBaseTests.CreateAsync(admin, $"Change the {word} delivery address", $"Open **Settings**, choose *Delivery address* and save the new {word} address.", "en");
        var inbox = new ChatFactory.Inbox();
        await using var visitor = await factory.ConnectVisitorAsync(ChatFactory.NewToken(), inbox);
        var start = await visitor.InvokeAsync<ConversationView>("Start", Visitor(ChatFactory.OpenRegion));

        // Significant terms: the word and "address" are in the article, the two others are not: confidence 0.5.
        await visitor.InvokeAsync<MessageView>("Send", $"Is the {word} address {KnowledgeBaseTests.Unique()} {KnowledgeBaseTests.Unique()}?");
        var answer = await inbox.WaitForAsync<MessageView>(m => m.Sender == ChatSender.Bot && m.ArticleId is not null);
        var list = await admin.GetFromJsonAsync<List<JsonElement>>("/api/support/chat/conversations");

        Assert.Equal(article, answer.ArticleId);
        Assert.Equal(0.5, answer.Confidence!.Value, 3);
        Assert.StartsWith("I'm not sure this answers your question", answer.Body, StringComparison.Ordinal);
        Assert.Contains($"Change the {word} delivery address", answer.Body, StringComparison.Ordinal);
        Assert.Contains(list!, c => c.GetProperty("id").GetGuid() == start.Conversation.Id && c.GetProperty("status").GetString() == "Bot");
    }

    [Fact]
    public async Task Bot_WithNoArticle_HandsOver_AndWithNoAgentOnline_TheChatBecomesATicket()
    {
        await factory.ClearPresenceAsync();
        var inbox = new ChatFactory.Inbox();
        await using var visitor = await factory.ConnectVisitorAsync(ChatFactory.NewToken(), inbox);
        var start = await visitor.InvokeAsync<ConversationView>("Start", Visitor(ChatFactory.OpenRegion));

        var question = $"Does the {KnowledgeBaseTests.Unique()} flux capacitor support {KnowledgeBaseTests.Unique()}?";
        await visitor.InvokeAsync<MessageView>("Send", question);
        var status = await inbox.WaitForAsync<ConversationSummary>(c => c.Status == ChatStatus.HandedOver);
        var handedOver = await HandedOverEventAsync(start.Conversation.Id);
        var ticket = await ChatTicketAsync(question);

        Assert.Equal("low-confidence", status.HandoverReason);
        Assert.False(handedOver.GetProperty("outsideHours").GetBoolean());
        Assert.False(handedOver.TryGetProperty("visitorEmail", out _), "the event log carries no personal data");
        Assert.DoesNotContain("flux capacitor", handedOver.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("visitor@example.com", ticket.GetProperty("ticket").GetProperty("requesterEmail").GetString());
        Assert.Contains("flux capacitor", ticket.GetProperty("messages")[0].GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The ticket a handed-over chat became (the transcript is its first message), once the event is handled.</summary>
    private async Task<JsonElement> ChatTicketAsync(string said)
    {
        var admin = await factory.CreateAdminClientAsync();
        await factory.DeliverEventsAsync();
        foreach (var summary in (await admin.GetFromJsonAsync<List<JsonElement>>("/api/support/tickets?channel=Chat"))!)
        {
            var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{summary.GetProperty("id").GetGuid()}");
            if (detail.GetProperty("messages").EnumerateArray().Any(m => m.GetProperty("body").GetString()!.Contains(said, StringComparison.Ordinal)))
            {
                return detail;
            }
        }

        throw new Xunit.Sdk.XunitException($"No chat ticket with '{said}'.");
    }

    [Fact]
    public async Task VisitorAskingForAHuman_OutsideBusinessHours_BecomesATicketMarkedOutsideHours()
    {
        var admin = await factory.CreateAdminClientAsync();
        await using var agent = await factory.ConnectAgentAsync(admin);
        var inbox = new ChatFactory.Inbox();
        await using var visitor = await factory.ConnectVisitorAsync(ChatFactory.NewToken(), inbox);
        var start = await visitor.InvokeAsync<ConversationView>("Start", Visitor(ChatFactory.ClosedRegion, "de"));

        await visitor.InvokeAsync<MessageView>("Send", "Ich möchte mit einem Mitarbeiter sprechen");
        var status = await inbox.WaitForAsync<ConversationSummary>(c => c.Status == ChatStatus.HandedOver);
        var handedOver = await HandedOverEventAsync(start.Conversation.Id);

        Assert.Equal("visitor-asked", status.HandoverReason);
        Assert.True(handedOver.GetProperty("outsideHours").GetBoolean());
        Assert.Equal("de", handedOver.GetProperty("language").GetString());
        Assert.Equal(ChatFactory.ClosedRegion, handedOver.GetProperty("regionCode").GetString());
        await factory.DeliverEventsAsync();
        var tickets = await admin.GetFromJsonAsync<List<JsonElement>>("/api/support/tickets?channel=Chat");
        Assert.Contains(tickets!, t => t.GetProperty("regionCode").GetString() == ChatFactory.ClosedRegion
            && t.GetProperty("subject").GetString() == "Chat outside business hours");
    }

    [Fact]
    public async Task HandedOverChat_IsAcceptedByAnAgent_WhoseReplyTheVisitorSees_WithTypingAndReadState()
    {
        var admin = await factory.CreateAdminClientAsync();
        var agentInbox = new ChatFactory.Inbox();
        await using var agent = await factory.ConnectAgentAsync(admin, agentInbox);
        var visitorInbox = new ChatFactory.Inbox();
        await using var visitor = await factory.ConnectVisitorAsync(ChatFactory.NewToken(), visitorInbox);
        var start = await visitor.InvokeAsync<ConversationView>("Start", Visitor(ChatFactory.OpenRegion, "ja"));
        var id = start.Conversation.Id;

        await visitor.InvokeAsync<MessageView>("Send", "担当者と話したいです");
        await agentInbox.WaitForAsync<ConversationSummary>(c => c.Id == id && c.Status == ChatStatus.Waiting);
        var accepted = await agent.InvokeAsync<ConversationView>("Accept", id);
        var second = await Assert.ThrowsAsync<HubException>(() => agent.InvokeAsync<ConversationView>("Accept", id));
        await visitor.InvokeAsync("Typing", true);
        await agentInbox.WaitForAsync<ChatFactory.Signal>(s => s.Kind == "typing" && s.ConversationId == id);
        await agent.InvokeAsync<MessageView>("Send", id, "こんにちは、どうなさいましたか?");
        var reply = await visitorInbox.WaitForAsync<MessageView>(m => m.Sender == ChatSender.Agent);
        await visitor.InvokeAsync<DateTime>("MarkRead");
        await agentInbox.WaitForAsync<ChatFactory.Signal>(s => s.Kind == "read" && s.ConversationId == id);
        var list = await agent.InvokeAsync<List<ConversationSummary>>("List");

        Assert.Equal(ChatStatus.Active, accepted.Conversation.Status);
        Assert.Contains("taken", second.Message, StringComparison.Ordinal);
        Assert.Equal("こんにちは、どうなさいましたか?", reply.Body);
        Assert.Contains(list, c => c.Id == id && c.Status == ChatStatus.Active && c.VisitorReadAt is not null);
        await visitorInbox.WaitForAsync<MessageView>(m => m.Sender == ChatSender.System && m.Body.Contains("チャットに参加しました", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WaitingChat_NobodyAccepts_BecomesATicketAfterThePickupTimeout()
    {
        var admin = await factory.CreateAdminClientAsync();
        await using var agent = await factory.ConnectAgentAsync(admin);
        var inbox = new ChatFactory.Inbox();
        await using var visitor = await factory.ConnectVisitorAsync(ChatFactory.NewToken(), inbox);
        var start = await visitor.InvokeAsync<ConversationView>("Start", Visitor(ChatFactory.OpenRegion));

        await visitor.InvokeAsync<ConversationSummary>("RequestHuman");
        await inbox.WaitForAsync<ConversationSummary>(c => c.Status == ChatStatus.Waiting);
        await HandOverUnansweredAsync(TimeSpan.FromMinutes(59)); // within the pickup timeout: it stays waiting
        var beforeTimeout = await StatusAsync(start.Conversation.Id);
        await HandOverUnansweredAsync(TimeSpan.FromMinutes(61)); // the pickup job's run, once the timeout has passed
        var status = await inbox.WaitForAsync<ConversationSummary>(c => c.Status == ChatStatus.HandedOver);
        var handedOver = await HandedOverEventAsync(start.Conversation.Id);

        Assert.Equal(ChatStatus.Waiting, beforeTimeout);
        Assert.Equal("no-pickup", status.HandoverReason);
        Assert.False(handedOver.GetProperty("outsideHours").GetBoolean());
    }

    [Fact]
    public async Task Reconnecting_WithTheSameToken_ResumesTheOneConversation()
    {
        var token = ChatFactory.NewToken();
        await using var first = await factory.ConnectVisitorAsync(token);
        var started = await first.InvokeAsync<ConversationView>("Start", Visitor(ChatFactory.OpenRegion));

        await using var second = await factory.ConnectVisitorAsync(token);
        var resumed = await second.InvokeAsync<ConversationView>("Start", Visitor(ChatFactory.OpenRegion));

        Assert.Equal(started.Conversation.Id, resumed.Conversation.Id);
        Assert.Equal(started.Messages.Select(m => m.Id), resumed.Messages.Select(m => m.Id));
        Assert.Contains("Vera Visitor", resumed.Messages[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageBodies_AreEncryptedAtRest_AndReadBackAsPlaintext()
    {
        await using var visitor = await factory.ConnectVisitorAsync(ChatFactory.NewToken());
        var start = await visitor.InvokeAsync<ConversationView>("Start", Visitor(ChatFactory.OpenRegion));
        await visitor.InvokeAsync<MessageView>("Send", "my secret order number 4711");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportChatDbContext>();
        var raw = await db.Messages.AsNoTracking().Where(m => m.ConversationId == start.Conversation.Id).Select(m => m.Body).ToListAsync();
        var rawEmail = await db.Conversations.AsNoTracking().Where(c => c.Id == start.Conversation.Id).Select(c => c.VisitorEmail).SingleAsync();
        var loaded = await db.Messages.AsNoTracking().Where(m => m.ConversationId == start.Conversation.Id).ToListAsync();

        Assert.All(raw, body => Assert.StartsWith(FieldProtector.Prefix, body, StringComparison.Ordinal));
        Assert.StartsWith(FieldProtector.Prefix, rawEmail, StringComparison.Ordinal);
        Assert.Contains(loaded, m => m.Body == "my secret order number 4711");
    }

    [Fact]
    public async Task Transcript_IsEmailedToTheVisitor()
    {
        await using var visitor = await factory.ConnectVisitorAsync(ChatFactory.NewToken());
        await visitor.InvokeAsync<ConversationView>("Start", new StartChatRequest("Erika", "erika@example.com", ChatFactory.OpenRegion, "en"));
        var marker = KnowledgeBaseTests.Unique();
        await visitor.InvokeAsync<MessageView>("Send", $"please keep {marker}");

        await visitor.InvokeAsync<string>("EmailTranscript");

        var mail = Assert.Single(await factory.MailsWithAsync(marker));
        Assert.Contains("erika@example.com", mail, StringComparison.Ordinal);
        Assert.Contains("Your chat transcript", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_FromAVisitor_IsRefusedWithAMessage_AndStartsNothing()
    {
        await using var visitor = await factory.ConnectVisitorAsync(ChatFactory.NewToken());
        await using var shortToken = await factory.ConnectVisitorAsync("short");

        var badEmail = await Assert.ThrowsAsync<HubException>(() => visitor.InvokeAsync<ConversationView>("Start", new StartChatRequest("Eve", "not-an-email", "nowhere", "fr")));
        var noChat = await Assert.ThrowsAsync<HubException>(() => visitor.InvokeAsync<MessageView>("Send", "hello?"));
        var badToken = await Assert.ThrowsAsync<HubException>(() => shortToken.InvokeAsync<ConversationView>("Start", Visitor(ChatFactory.OpenRegion)));
        await visitor.InvokeAsync<ConversationView>("Start", Visitor(ChatFactory.OpenRegion));
        var tooLong = await Assert.ThrowsAsync<HubException>(() => visitor.InvokeAsync<MessageView>("Send", new string('x', 2001)));

        Assert.Contains("email", badEmail.Message, StringComparison.Ordinal);
        Assert.Contains("Start a chat", noChat.Message, StringComparison.Ordinal);
        Assert.Contains("visitor", badToken.Message, StringComparison.Ordinal);
        Assert.Contains("2000", tooLong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Visitor_SendingTooFast_IsRateLimited()
    {
        await using var visitor = await factory.ConnectVisitorAsync(ChatFactory.NewToken());
        await visitor.InvokeAsync<ConversationView>("Start", Visitor(ChatFactory.OpenRegion));

        // The factory allows 8 counted calls a minute; Start used one. Starting again resumes the same chat.
        for (var i = 0; i < 7; i++)
        {
            await visitor.InvokeAsync<ConversationView>("Start", Visitor(ChatFactory.OpenRegion));
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => visitor.InvokeAsync<MessageView>("Send", "one more"));
        Assert.Contains("Too many", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentHub_RefusesAnonymousAndClientUsers()
    {
        var email = $"client-{Guid.NewGuid():N}@chat.test";
        var (_, password) = await factory.CreateUserAsync(email, "Client", Nqba.Server.Platform.Seeding.DemoCompany.AcmeCorp);
        var client = await factory.CreateClientForAsync(email, password);

        var anonymous = await Assert.ThrowsAsync<HttpRequestException>(() => factory.ConnectAgentAsync(factory.CreateClient()));
        var clientUser = await Assert.ThrowsAsync<HttpRequestException>(() => factory.ConnectAgentAsync(client));

        // Refused at negotiation: 401/403, or the sign-in redirect the cookie scheme answers outside /api.
        Assert.Contains(anonymous.StatusCode, new System.Net.HttpStatusCode?[] { System.Net.HttpStatusCode.Unauthorized, System.Net.HttpStatusCode.Found });
        Assert.Contains(clientUser.StatusCode, new System.Net.HttpStatusCode?[] { System.Net.HttpStatusCode.Forbidden, System.Net.HttpStatusCode.Found });
    }

    [Fact]
    public async Task Erasure_CryptoShredsTheVisitorsChat_TheBotsAnswersIncluded_AndLeavesOtherVisitorsReadable()
    {
        var admin = await factory.CreateAdminClientAsync();
        var email = $"vera-{Guid.NewGuid():N}@example.com";
        await using var visitor = await factory.ConnectVisitorAsync(ChatFactory.NewToken(), new ChatFactory.Inbox());
        var erased = await visitor.InvokeAsync<ConversationView>("Start", new StartChatRequest("Vera Erased", email, ChatFactory.OpenRegion, "en"));
        await visitor.InvokeAsync<MessageView>("Send", "My account number is 99-1234");
        await using var otherVisitor = await factory.ConnectVisitorAsync(ChatFactory.NewToken(), new ChatFactory.Inbox());
        var kept = await otherVisitor.InvokeAsync<ConversationView>("Start", new StartChatRequest("Otto Other", $"otto-{Guid.NewGuid():N}@example.com", ChatFactory.OpenRegion, "en"));
        var before = await admin.GetFromJsonAsync<ConversationView>($"/api/support/chat/conversations/{erased.Conversation.Id}", Json);

        var request = await admin.PostAsJsonAsync("/api/privacy/requests", new { kind = "Erasure", law = "Gdpr", email });
        var id = (await request.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/privacy/requests/{id}/complete", null)).EnsureSuccessStatusCode();
        var after = await admin.GetFromJsonAsync<ConversationView>($"/api/support/chat/conversations/{erased.Conversation.Id}", Json);
        var other = await admin.GetFromJsonAsync<ConversationView>($"/api/support/chat/conversations/{kept.Conversation.Id}", Json);

        Assert.Contains(before!.Messages, m => m.Sender == ChatSender.Bot && m.Body.Contains("Vera Erased", StringComparison.Ordinal));
        Assert.Contains(before.Messages, m => m.Body == "My account number is 99-1234");
        // Only the visitor's own words are redacted; the bot's greeting is unreadable because the visitor's key is gone.
        Assert.All(after!.Messages, m => Assert.Equal(FieldProtector.ErasedValue, m.Body));
        Assert.All(after.Messages, m => Assert.Equal(FieldProtector.ErasedValue, m.SenderName));
        Assert.Contains(other!.Messages, m => m.Sender == ChatSender.Bot && m.Body.Contains("Otto Other", StringComparison.Ordinal));
        await using var scope = factory.Services.CreateAsyncScope();
        var subjectKey = FieldProtector.SubjectKeyId(await scope.ServiceProvider.GetRequiredService<FieldProtector>().SearchHashAsync(email, CancellationToken.None));
        var conversation = await scope.ServiceProvider.GetRequiredService<SupportChatDbContext>().Conversations.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == erased.Conversation.Id);
        Assert.Equal(subjectKey, conversation.SubjectKeyId);
        var keys = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().DataKeys.AsNoTracking().Where(k => k.OrganizationId == subjectKey).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Null(k.WrappedKey));
    }

    private static StartChatRequest Visitor(string region, string language = "en") => new("Vera Visitor", "visitor@example.com", region, language);

    /// <summary>
    /// What <see cref="ChatPickupJob"/> does at a moment <paramref name="later"/> from now (a fake clock; the factory's
    /// pickup timeout is one hour, so the server's own job on the real clock hands over nothing while a test runs).
    /// </summary>
    private async Task HandOverUnansweredAsync(TimeSpan later)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var chats = ActivatorUtilities.CreateInstance<ChatService>(scope.ServiceProvider, new FakeTimeProvider(DateTimeOffset.UtcNow + later));
        await chats.HandOverUnansweredAsync(CancellationToken.None);
    }

    private async Task<ChatStatus> StatusAsync(Guid conversationId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SupportChatDbContext>().Conversations.AsNoTracking().Where(c => c.Id == conversationId).Select(c => c.Status).SingleAsync();
    }

    private async Task<JsonElement> HandedOverEventAsync(Guid conversationId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var events = await db.Events.AsNoTracking().Where(e => e.Type == "support.chat-handed-over").ToListAsync();
        var matching = events.Select(e => JsonDocument.Parse(e.Payload).RootElement).Where(p => p.GetProperty("conversationId").GetGuid() == conversationId).ToList();
        return Assert.Single(matching);
    }
}
