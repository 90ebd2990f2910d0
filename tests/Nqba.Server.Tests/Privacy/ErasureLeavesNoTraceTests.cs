using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;
using Nqba.Server.Tests.Scheduling;

namespace Nqba.Server.Tests.Privacy;

/// <summary>
/// After a person's erasure their name and e-mail address are nowhere in the data directory: not in any text column of
/// any table (the audit ledger included), not in the database files, not in the mail outbox.
/// </summary>
public sealed class ErasureLeavesNoTraceTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    [Fact]
    public async Task AClientWhoBookedAndOpenedATicket_IsNowhereInTheDataDirectory_AfterErasure()
    {
        if (factory.Provider != "Sqlite")
        {
            return; // it greps the SQLite file and its data directory; PostgreSQL keeps its data elsewhere
        }

        var marker = new string([.. Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6)]);
        var name = $"Quilla Vexmoor{marker}";
        var email = $"erase-{Guid.NewGuid():N}@client.example";
        var admin = await factory.CreateAdminClientAsync();

        // A client user account with that name and address, which signs in (and once fails to).
        var user = await admin.PostAsJsonAsync("/api/access/users", new { email, displayName = name, role = NqbaRoles.Client, clientOrganizationId = DemoCompany.AcmeCorp });
        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        var password = (await user.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("initialPassword").GetString()!;
        await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { email, password = "wrong-" + password });
        await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { email = "nobody-" + email, password });
        var client = await factory.CreateClientForAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);

        // A booking and a support request under the same name and address.
        var specialist = await factory.CreateSpecialistAsync();
        var booked = await factory.CreateClient().PostAsJsonAsync("/api/scheduling/bookings", new
        {
            meetingType = "test-20",
            start = SchedulingFactory.Berlin(SchedulingFactory.Weekday(9), 11),
            specialistId = specialist,
            name,
            email,
            timeZone = "Europe/Berlin",
            language = "en",
        });
        Assert.True(booked.StatusCode == HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        var ticket = await factory.CreateClient().PostAsJsonAsync("/api/support/requests", new { name, email, subject = "Erase me", message = $"I am {name}, {email}." });
        Assert.True(ticket.IsSuccessStatusCode, await ticket.Content.ReadAsStringAsync());
        var outbox = Path.Combine(factory.ContentRoot, "data", "outbox");
        await factory.DeliverEventsAsync(); // every handler of the booking's and the ticket's events

        Assert.True(Hits(outbox, email, name).Count >= 2, "the confirmation mails reached the outbox before the erasure");

        var request = await admin.PostAsJsonAsync("/api/privacy/requests", new { kind = "Erasure", law = "Gdpr", email });
        Assert.Equal(HttpStatusCode.Created, request.StatusCode);
        var id = (await request.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var complete = await admin.PostAsync($"/api/privacy/requests/{id}/complete", null);
        Assert.True(complete.IsSuccessStatusCode, await complete.Content.ReadAsStringAsync());
        await factory.DeliverEventsAsync();

        var inTables = await TableHitsAsync(email, name);
        var inFiles = Hits(factory.ContentRoot, email, name);

        Assert.True(inTables.Count == 0, "in tables: " + string.Join("; ", inTables));
        Assert.True(inFiles.Count == 0, "in files: " + string.Join("; ", inFiles));
    }

    private async Task<List<string>> TableHitsAsync(params string[] needles)
    {
        var hits = new List<string>();
        await using var connection = new SqliteConnection(factory.ConnectionString + ";Mode=ReadOnly");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var column = 0; column < reader.FieldCount; column++)
                {
                    var value = await reader.IsDBNullAsync(column) ? null
                        : reader.GetValue(column) switch { byte[] bytes => Encoding.UTF8.GetString(bytes), var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) };
                    if (value is not null && needles.FirstOrDefault(n => value.Contains(n, StringComparison.OrdinalIgnoreCase)) is { } needle)
                    {
                        hits.Add($"{table}.{reader.GetName(column)} holds '{needle}'");
                    }
                }
            }
        }

        return hits;
    }

    private static List<string> Hits(string folder, params string[] needles) =>
        !Directory.Exists(folder) ? [] :
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(path => ReadShared(path) is { } text && needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))];

    private static string? ReadShared(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
