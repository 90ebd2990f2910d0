using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Support.Chat;
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

    private static async Task<List<JsonElement>> ChatTicketsOfAsync(HttpClient admin, string email, int expected)
    {
        var found = new List<JsonElement>();
        for (var i = 0; i < 100; i++)
        {
            var list = await admin.GetFromJsonAsync<List<JsonElement>>("/api/support/tickets?channel=Chat");
            found = list!.Where(t => t.GetProperty("requesterEmail").GetString() == email).ToList();
            if (found.Count >= expected)
            {
                break;
            }

            await Task.Delay(100);
        }

        return found;
    }

    [Fact]
    public async Task ChatOutsideBusinessHours_BecomesOneTicketWithTheTranscript_EvenWhenTheEventIsDeliveredTwice()
    {
        var admin = await factory.CreateAdminClientAsync();
        var email = $"night-owl-{Guid.NewGuid():N}@client.example";
        var handedOver = new ChatHandedOver(Guid.NewGuid(), null, "europe", "de", "Nora Nacht", email,
            "Visitor: Mein Login geht nicht.\nBot: I am not sure.", OutsideHours: true, DateTime.UtcNow);

        await PublishAsync(handedOver);
        await PublishAsync(handedOver);

        var tickets = await ChatTicketsOfAsync(admin, email, 1);
        await Task.Delay(500);
        Assert.Single(await ChatTicketsOfAsync(admin, email, 2));
        var ticket = tickets.Single();
        Assert.Equal("Chat outside business hours", ticket.GetProperty("subject").GetString());
        Assert.Equal("europe", ticket.GetProperty("regionCode").GetString());
        var detail = await admin.GetStringAsync($"/api/support/tickets/{ticket.GetProperty("id").GetGuid()}");
        Assert.Contains("Mein Login geht nicht.", detail, StringComparison.Ordinal);
    }
}
