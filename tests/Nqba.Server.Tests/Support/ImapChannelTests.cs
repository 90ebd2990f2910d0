using System.Net.Http.Json;
using System.Text.Json;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Nqba.Server.Modules.Support.Channels;

namespace Nqba.Server.Tests.Support;

/// <summary>The e-mail channel against a real IMAP server (Dovecot), through the product's own mail poller.</summary>
public sealed class ImapChannelTests(ImapFactory factory) : IClassFixture<ImapFactory>
{
    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync(factory.Imap.Host, factory.Imap.Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(factory.Imap.User, factory.Imap.Password);
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
        return client;
    }

    private async Task DeliverAsync(MimeMessage message)
    {
        using var client = await ConnectAsync();
        await client.Inbox.AppendAsync(message, MessageFlags.None);
        await client.DisconnectAsync(quit: true);
    }

    private static MimeMessage Mail(string from, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, MessageId = $"{Guid.NewGuid():N}@client.example" };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("support@nqba.local"));
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    /// <summary>One run of the product's mail poller, as its job does it (the factory keeps the job's schedule off: the tests run it).</summary>
    private async Task PollMailboxAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImapMailbox>().PollAsync(CancellationToken.None);
    }

    /// <summary>After one run of the mail poller: the tickets with the subject and the first one's messages.</summary>
    private async Task<(List<JsonElement> Tickets, List<JsonElement> Messages)> PollForTicketAsync(HttpClient admin, string subject)
    {
        await PollMailboxAsync();
        var tickets = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/support/tickets?channel=Email"))!
            .Where(t => t.GetProperty("subject").GetString() == subject).ToList();
        if (tickets.Count == 0)
        {
            return (tickets, []);
        }

        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{tickets[0].GetProperty("id").GetGuid()}");
        return (tickets, detail.GetProperty("messages").EnumerateArray().ToList());
    }

    [Fact]
    public async Task MailInTheImapInbox_OpensATicket_IsFlaggedSeen_AndTheClientsThreadedAnswerLandsInTheSameTicket()
    {
        var admin = await factory.CreateAdminClientAsync();
        var sender = $"buyer-{Guid.NewGuid():N}@client.example";
        var subject = "Invoices missing " + Guid.NewGuid().ToString("N")[..6];
        var first = Mail(sender, subject, "Last month's invoices are not in the portal.");

        await DeliverAsync(first);
        var (tickets, messages) = await PollForTicketAsync(admin, subject);

        var ticket = Assert.Single(tickets);
        var id = ticket.GetProperty("id").GetGuid();
        Assert.Equal("Email", ticket.GetProperty("channel").GetString());
        Assert.Equal("Last month's invoices are not in the portal.", Assert.Single(messages).GetProperty("body").GetString()?.Trim());
        using (var mailbox = await ConnectAsync())
        {
            var uids = await mailbox.Inbox.SearchAsync(MailKit.Search.SearchQuery.HeaderContains("Message-ID", first.MessageId!));
            var summary = Assert.Single(await mailbox.Inbox.FetchAsync(uids, MessageSummaryItems.Flags));
            Assert.True(summary.Flags!.Value.HasFlag(MessageFlags.Seen), "the poller flags what it took in as seen");
        }

        await SupportFactory.ReadAsync(await admin.PostAsJsonAsync($"/api/support/tickets/{id}/messages", new { body = "We are regenerating them now." }));
        var reply = (await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == sender))).FirstOrDefault();
        Assert.NotNull(reply);
        var answer = Mail(sender, "Re: unrelated subject line", "Thanks, they are there now.");
        answer.InReplyTo = reply.MessageId;
        answer.References.Add(first.MessageId!);
        answer.References.Add(reply.MessageId!);
        await DeliverAsync(answer);
        (tickets, messages) = await PollForTicketAsync(admin, subject);

        Assert.Single(tickets);
        Assert.Equal(3, messages.Count);
        Assert.Equal("Thanks, they are there now.", messages[2].GetProperty("body").GetString()?.Trim());
        Assert.Equal("Client", messages[2].GetProperty("author").GetString());
        Assert.Equal("Email", messages[2].GetProperty("channel").GetString());
    }

    [Fact]
    public async Task AMailAlreadyTakenIn_IsNotTakenInAgain_WhenMarkedUnseenInTheMailbox()
    {
        var admin = await factory.CreateAdminClientAsync();
        var subject = "Password reset loop " + Guid.NewGuid().ToString("N")[..6];
        var mail = Mail($"ops-{Guid.NewGuid():N}@client.example", subject, "The reset link sends me back to the start.");
        await DeliverAsync(mail);
        var (tickets, _) = await PollForTicketAsync(admin, subject);
        Assert.Single(tickets);

        // Someone marks it unread in their mail client: the poller reads it again, and the Message-ID keeps it out.
        using (var mailbox = await ConnectAsync())
        {
            var uids = await mailbox.Inbox.SearchAsync(MailKit.Search.SearchQuery.HeaderContains("Message-ID", mail.MessageId!));
            await mailbox.Inbox.RemoveFlagsAsync(uids, MessageFlags.Seen, silent: true);
            await PollMailboxAsync();

            Assert.True((await mailbox.Inbox.FetchAsync(uids, MessageSummaryItems.Flags))[0].Flags!.Value.HasFlag(MessageFlags.Seen), "the poller read it again");
        }

        (tickets, var messages) = await PollForTicketAsync(admin, subject);
        Assert.Single(tickets);
        Assert.Single(messages);
    }
}
