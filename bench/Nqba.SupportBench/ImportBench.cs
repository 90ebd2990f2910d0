using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Testing;

/// <summary>
/// History import throughput: tickets with N messages each posted to <c>POST /api/support/import</c> in batches,
/// end to end through the server on a fresh SQLite database (parsing, validation, encryption, SLA planning, one
/// transaction per batch), then the same file again (every row unchanged).
/// </summary>
internal static class ImportBench
{
    public static async Task<int> RunAsync(int tickets, int messages, int batch)
    {
        await using var factory = new QuietFactory();
        await factory.InitializeAsync();
        using var admin = await factory.CreateAdminClientAsync();
        var start = new DateTime(2025, 1, 6, 8, 0, 0, DateTimeKind.Utc);
        var random = new Random(20261206);
        var file = Enumerable.Range(0, tickets).Select(i =>
        {
            var created = start.AddMinutes(random.Next(0, 300 * 24 * 60));
            return new
            {
                externalId = i.ToString(CultureInfo.InvariantCulture),
                source = "zammad",
                title = $"Imported ticket {i}",
                channel = i % 3 == 0 ? "phone" : "email",
                customer = new { name = $"Customer {i % 997}", email = $"customer{i % 997}@client.example" },
                state = i % 10 == 0 ? "open" : "closed",
                createdAt = created,
                solvedAt = i % 10 == 0 ? (DateTime?)null : created.AddHours(messages * 3),
                closedAt = i % 10 == 0 ? (DateTime?)null : created.AddHours(messages * 3 + 1),
                messages = Enumerable.Range(0, messages).Select(m => new
                {
                    externalId = m.ToString(CultureInfo.InvariantCulture),
                    author = m % 2 == 0 ? "customer" : "agent",
                    body = $"Message {m} of ticket {i}: the printer on the third floor shows error E-{random.Next(100, 999)} again.",
                    createdAt = created.AddHours(m * 3),
                }).ToList(),
            };
        }).ToList();
        var batches = file.Chunk(batch).ToList();

        Console.WriteLine($"Instance: {tickets:N0} tickets x {messages} messages, batches of {batch}, SQLite, {Environment.ProcessorCount} cores");
        var first = await TimeAsync("first import (all created)", "created");
        var again = await TimeAsync("same file again (all unchanged)", "unchanged");
        return first == tickets && again == tickets ? 0 : 1;

        async Task<int> TimeAsync(string name, string outcome)
        {
            var counted = 0;
            var watch = Stopwatch.StartNew();
            foreach (var rows in batches)
            {
                using var response = await admin.PostAsJsonAsync("/api/support/import", rows);
                response.EnsureSuccessStatusCode();
                counted += (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty(outcome).GetInt32();
            }

            watch.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {watch.Elapsed.TotalSeconds:F1} s, {tickets / watch.Elapsed.TotalSeconds:F0} tickets/s, {tickets * messages / watch.Elapsed.TotalSeconds:F0} messages/s ({counted:N0} {outcome})"));
            return counted;
        }
    }

    /// <summary>The server without its pollers, so only the import runs.</summary>
    private sealed class QuietFactory : NqbaFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Support:SlaWatchEnabled"] = "false",
            ["Support:MailPollingEnabled"] = "false",
            ["Support:NpsScheduleEnabled"] = "false",
        };
    }
}
