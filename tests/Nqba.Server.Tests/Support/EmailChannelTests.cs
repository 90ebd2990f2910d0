using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;

namespace Nqba.Server.Tests.Support;

public sealed class EmailChannelTests(SupportFactory factory) : IClassFixture<SupportFactory>
{
    private async Task DropAsync(MimeMessage message)
    {
        Directory.CreateDirectory(factory.Inbox);
        await message.WriteToAsync(Path.Combine(factory.Inbox, $"{Guid.NewGuid():N}.eml"));
    }

    private static MimeMessage Mail(string from, string subject, string text, string? html = null)
    {
        var message = new MimeMessage { Subject = subject, MessageId = $"{Guid.NewGuid():N}@client.example" };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("support@nqba.local"));
        var body = new BodyBuilder { TextBody = text, HtmlBody = html };
        message.Body = body.ToMessageBody();
        return message;
    }

    private static async Task<JsonElement> TicketFromAsync(HttpClient admin, string subject)
    {
        var list = await admin.GetFromJsonAsync<List<JsonElement>>("/api/support/tickets?channel=Email");
        return list!.Single(t => t.GetProperty("subject").GetString() == subject);
    }

    [Fact]
    public async Task ReplyByEmail_IsThreadedAndTheClientsAnswerLandsInTheSameTicket()
    {
        var admin = await factory.CreateAdminClientAsync();
        var sender = $"buyer-{Guid.NewGuid():N}@client.example";
        var subject = "Export broken " + Guid.NewGuid().ToString("N")[..6];
        var first = Mail(sender, subject, "The export button does nothing.");
        await DropAsync(first);

        await SupportFactory.ReadAsync(await admin.PostAsync("/api/support/inbox/pickup", null));
        var ticket = await TicketFromAsync(admin, subject);
        var id = ticket.GetProperty("id").GetGuid();
        Assert.Equal("Email", ticket.GetProperty("channel").GetString());
        Assert.Equal("E-mail", ticket.GetProperty("slaPolicy").GetString());

        // The agent's reply goes out threaded under the client's message.
        await SupportFactory.ReadAsync(await admin.PostAsJsonAsync($"/api/support/tickets/{id}/messages", new { body = "Which browser do you use?" }));
        var reply = (await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == sender))).FirstOrDefault();
        Assert.NotNull(reply);
        Assert.Equal(first.MessageId, reply.InReplyTo);
        Assert.Contains(first.MessageId, reply.References);
        Assert.Contains($"[#{ticket.GetProperty("number").GetInt64()}]", reply.Subject, StringComparison.Ordinal);
        Assert.StartsWith("ticket-", reply.MessageId, StringComparison.Ordinal);

        // The client's mail client answers the reply: a new subject, but In-Reply-To our Message-ID.
        var answer = Mail(sender, "Re: something else entirely", "Firefox 140.");
        answer.InReplyTo = reply.MessageId;
        answer.References.Add(first.MessageId!);
        answer.References.Add(reply.MessageId!);
        await DropAsync(answer);
        await SupportFactory.ReadAsync(await admin.PostAsync("/api/support/inbox/pickup", null));

        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{id}");
        var messages = detail.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(3, messages.Count);
        Assert.Equal("Firefox 140.", messages[2].GetProperty("body").GetString()?.Trim());
        Assert.Equal("Client", messages[2].GetProperty("author").GetString());
        Assert.Equal("Email", messages[2].GetProperty("channel").GetString());
        Assert.Equal(JsonValueKind.String, detail.GetProperty("ticket").GetProperty("nextResponse").GetProperty("dueAt").ValueKind);
        Assert.Contains(Directory.GetFiles(Path.Combine(factory.Inbox, "processed")), f => File.ReadAllText(f).Contains(answer.MessageId!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubjectTicketNumber_FromTheRequester_LandsInTheTicket_FromAStranger_OpensANewOne()
    {
        var admin = await factory.CreateAdminClientAsync();
        var sender = $"ops-{Guid.NewGuid():N}@client.example";
        var subject = "VPN " + Guid.NewGuid().ToString("N")[..6];
        await DropAsync(Mail(sender, subject, "VPN drops hourly."));
        await SupportFactory.ReadAsync(await admin.PostAsync("/api/support/inbox/pickup", null));
        var ticket = await TicketFromAsync(admin, subject);
        var number = ticket.GetProperty("number").GetInt64();

        await DropAsync(Mail(sender.ToUpperInvariant(), $"Re: [#{number}] still happening", "Still drops."));
        await DropAsync(Mail($"stranger-{Guid.NewGuid():N}@elsewhere.example", $"[#{number}] hijack", "Let me in."));
        await SupportFactory.ReadAsync(await admin.PostAsync("/api/support/inbox/pickup", null));

        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{ticket.GetProperty("id").GetGuid()}");
        Assert.Equal(2, detail.GetProperty("messages").GetArrayLength());
        var all = await admin.GetFromJsonAsync<List<JsonElement>>("/api/support/tickets?channel=Email");
        Assert.Contains(all!, t => t.GetProperty("subject").GetString() == $"[#{number}] hijack");
    }

    [Fact]
    public async Task SameMailDeliveredTwice_IsTakenInOnce_AndHtmlOnlyMailIsSanitized()
    {
        var admin = await factory.CreateAdminClientAsync();
        var subject = "Html only " + Guid.NewGuid().ToString("N")[..6];
        var mail = Mail($"html-{Guid.NewGuid():N}@client.example", subject, null!, "<div>Report <script>evil()</script><b>attached</b></div>");
        await DropAsync(mail);
        await DropAsync(mail);

        await SupportFactory.ReadAsync(await admin.PostAsync("/api/support/inbox/pickup", null));

        var list = await admin.GetFromJsonAsync<List<JsonElement>>("/api/support/tickets?channel=Email");
        var ticket = Assert.Single(list!, t => t.GetProperty("subject").GetString() == subject);
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{ticket.GetProperty("id").GetGuid()}");
        var message = Assert.Single(detail.GetProperty("messages").EnumerateArray());
        Assert.DoesNotContain("script", message.GetProperty("bodyHtml").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Report attached", message.GetProperty("body").GetString());
    }

    [Fact]
    public async Task UnparseableFile_MovesToFailedAndOthersStillProcess()
    {
        var admin = await factory.CreateAdminClientAsync();
        Directory.CreateDirectory(factory.Inbox);
        var junk = Path.Combine(factory.Inbox, $"{Guid.NewGuid():N}.eml");
        await File.WriteAllBytesAsync(junk, []);
        var subject = "After junk " + Guid.NewGuid().ToString("N")[..6];
        await DropAsync(Mail($"fine-{Guid.NewGuid():N}@client.example", subject, "fine"));

        await SupportFactory.ReadAsync(await admin.PostAsync("/api/support/inbox/pickup", null));

        Assert.True(File.Exists(Path.Combine(factory.Inbox, "failed", Path.GetFileName(junk))));
        Assert.NotEqual(default, await TicketFromAsync(admin, subject));
    }

    [Fact]
    public async Task OversizedAttachment_IsDropped_WithANoteInTheBody_TheSmallOneIsKept()
    {
        // The factory limits attachments to 1000 bytes.
        var admin = await factory.CreateAdminClientAsync();
        var subject = "Attachments " + Guid.NewGuid().ToString("N")[..6];
        var message = new MimeMessage { Subject = subject, MessageId = $"{Guid.NewGuid():N}@client.example" };
        message.From.Add(MailboxAddress.Parse($"files-{Guid.NewGuid():N}@client.example"));
        message.To.Add(MailboxAddress.Parse("support@nqba.local"));
        var body = new BodyBuilder { TextBody = "Logs attached." };
        await body.Attachments.AddAsync("small.txt", new MemoryStream(new byte[200]), new ContentType("text", "plain"));
        await body.Attachments.AddAsync("huge-dump.bin", new MemoryStream(new byte[5000]), new ContentType("application", "octet-stream"));
        message.Body = body.ToMessageBody();
        await DropAsync(message);

        await SupportFactory.ReadAsync(await admin.PostAsync("/api/support/inbox/pickup", null));

        var ticket = await TicketFromAsync(admin, subject);
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{ticket.GetProperty("id").GetGuid()}");
        var stored = Assert.Single(detail.GetProperty("messages").EnumerateArray());
        var text = stored.GetProperty("body").GetString()!;
        Assert.StartsWith("Logs attached.", text, StringComparison.Ordinal);
        Assert.Contains("[Attachments over the size limit were not kept: huge-dump.bin]", text, StringComparison.Ordinal);
        var kept = Assert.Single(stored.GetProperty("attachments").EnumerateArray());
        Assert.Equal("small.txt", kept.GetProperty("fileName").GetString());
    }
}
