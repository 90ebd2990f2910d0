using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Platform.Events;
using Nqba.Testing;

namespace Nqba.Server.Tests.Support;

/// <summary>The server with the SLA watch and the mail poller off: tests drive both by hand.</summary>
public class SupportFactory : NqbaFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Support:SlaWatchEnabled"] = "false",
        ["Support:MailPollingEnabled"] = "false",
        ["Support:NpsScheduleEnabled"] = "false",
        ["Support:MaxAttachmentBytes"] = "1000",
        ["Support:ImportMaxTickets"] = "50",
    };

    public string Inbox => Path.Combine(ContentRoot, "data", "inbox");

    /// <summary>How many events of a type the ticket has in the event log.</summary>
    internal async Task<int> EventCountAsync(string type, Guid ticketId)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportDbContext>();
        var payloads = await db.Set<StoredEvent>().AsNoTracking().Where(e => e.Type == type).Select(e => e.Payload).ToListAsync();
        return payloads.Count(p => p.Contains(ticketId.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
