using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Testing;

/// <summary>
/// Booking history import throughput: Cal.com-like bookings posted to <c>POST /api/scheduling/import</c> in batches,
/// end to end through the server on a fresh SQLite database (parsing, validation of every row, encrypted client fields
/// with each client's data key, one audit entry and one transaction per batch), then the same file again (every row
/// found by its external id and unchanged).
/// </summary>
internal static class BookingImportBench
{
    public static async Task<int> RunAsync(int bookings, int batch)
    {
        await using var factory = new QuietFactory();
        await factory.InitializeAsync();
        using var admin = await factory.CreateAdminClientAsync();
        var specialists = (await admin.GetFromJsonAsync<JsonElement>("/api/company/specialists")).EnumerateArray()
            .Select(s => s.GetProperty("id").GetGuid()).ToList();
        var start = new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.FromHours(1));
        var statuses = new[] { "completed", "completed", "completed", "cancelled", "noShow" };
        var file = Enumerable.Range(0, bookings).Select(i =>
        {
            // One meeting an hour per specialist on weekdays, 09:00–16:00, going back in time from 2025-01-06.
            var slot = i / specialists.Count;
            var at = start.AddDays(-7 * (slot / 40)).AddDays(slot % 40 / 8).AddHours(slot % 8);
            return new
            {
                source = "calcom",
                externalId = i.ToString(CultureInfo.InvariantCulture),
                meetingType = "discovery-30",
                specialistId = specialists[i % specialists.Count],
                start = at,
                end = at.AddMinutes(30),
                status = statuses[i % statuses.Length],
                clientName = $"Client {i % 1499}",
                clientEmail = $"client{i % 1499}@history.example",
                timeZone = "Europe/Berlin",
                notes = $"Imported meeting {i}",
            };
        }).ToList();
        var batches = file.Chunk(batch).ToList();

        Console.WriteLine($"Instance: {bookings:N0} bookings over {specialists.Count} specialists, batches of {batch}, SQLite, {Environment.ProcessorCount} cores");
        var first = await TimeAsync("first import (all created)", "created");
        var again = await TimeAsync("same file again (all unchanged)", "unchanged");
        return first == bookings && again == bookings ? 0 : 1;

        async Task<int> TimeAsync(string name, string outcome)
        {
            var counted = 0;
            var watch = Stopwatch.StartNew();
            foreach (var rows in batches)
            {
                using var response = await admin.PostAsJsonAsync("/api/scheduling/import", rows);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
                }

                counted += (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty(outcome).GetInt32();
            }

            watch.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {watch.Elapsed.TotalSeconds:F1} s, {bookings / watch.Elapsed.TotalSeconds:F0} bookings/s ({counted:N0} {outcome})"));
            return counted;
        }
    }

    /// <summary>The server without its background jobs, so only the import runs.</summary>
    private sealed class QuietFactory : NqbaFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Scheduling:JobsEnabled"] = "false",
            ["Intake:ResponseWatchEnabled"] = "false",
            ["Support:SlaWatchEnabled"] = "false",
            ["Support:MailPollingEnabled"] = "false",
            ["Support:NpsScheduleEnabled"] = "false",
        };
    }
}
