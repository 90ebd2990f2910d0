// Encryption overhead on booking and ticket writes: the same inserts through the same SQLite database, with and
// without the field-encryption interceptor (everything else equal: the pragma, telemetry and outbox interceptors).
// Each write is one context and one SaveChanges, as one HTTP request does it. Modes alternate per round.
//
//   dotnet run -c Release --project bench/Nqba.ProtectionBench -- [writes-per-round] [rounds]
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Modules.Support;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Tickets;
using Nqba.Server.Platform.Observability;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Tenancy;
using Nqba.Testing;

var writes = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2000;
var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;

var factory = new NqbaFactory();
await factory.InitializeAsync();
var services = factory.Services;
var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
var root = factory.ContentRoot;
var organization = Guid.NewGuid();
var tenant = new SystemTenantContext();
var number = 1_000_000L;

DbContextOptions<T> Options<T>(string history, bool encrypted)
    where T : DbContext
{
    var builder = new DbContextOptionsBuilder<T>();
    builder.UseNqbaSqlite(database, root, history)
        .AddInterceptors(services.GetRequiredService<OutboxSignalInterceptor>(), services.GetRequiredService<DbCommandTelemetryInterceptor>());
    if (encrypted)
    {
        builder.AddInterceptors(services.GetRequiredService<FieldEncryptionInterceptor>());
    }

    return builder.Options;
}

var ticketOptions = new Dictionary<bool, DbContextOptions<SqliteSupportDbContext>>
{
    [false] = Options<SqliteSupportDbContext>("__ef_support", false),
    [true] = Options<SqliteSupportDbContext>("__ef_support", true),
};
var bookingOptions = new Dictionary<bool, DbContextOptions<SqliteSchedulingDbContext>>
{
    [false] = Options<SqliteSchedulingDbContext>("__ef_scheduling", false),
    [true] = Options<SqliteSchedulingDbContext>("__ef_scheduling", true),
};

async Task WriteTicketAsync(bool encrypted)
{
    await using var db = new SqliteSupportDbContext(ticketOptions[encrypted], tenant);
    var now = DateTime.UtcNow;
    db.Tickets.Add(new Ticket
    {
        Id = Guid.CreateVersion7(),
        Number = Interlocked.Increment(ref number),
        OrganizationId = organization,
        RegionCode = "europe",
        Subject = "The export to our ERP fails since this morning",
        RequesterName = "Katrin Vogel",
        RequesterEmail = "k.vogel@nordwerk.example",
        Channel = TicketChannel.Portal,
        CreatedAt = now,
        UpdatedAt = now,
    });
    await db.SaveChangesAsync();
}

async Task WriteBookingAsync(bool encrypted)
{
    await using var db = new SqliteSchedulingDbContext(bookingOptions[encrypted]);
    var start = DateTime.UtcNow.AddDays(3);
    db.Bookings.Add(new Booking
    {
        Id = Guid.CreateVersion7(),
        SpecialistId = Guid.NewGuid(),
        MeetingTypeCode = "discovery-30",
        Start = start,
        End = start.AddMinutes(30),
        BufferMinutes = 15,
        ClientName = "Jordan Miles",
        ClientEmail = "jordan.miles@acme.example",
        Notes = "Wants to see the lead-scoring dashboard.",
        ClientTimeZone = "America/New_York",
        Language = "en",
        OrganizationId = organization,
        ChangedBy = "bench",
        CreatedAt = DateTime.UtcNow,
    });
    await db.SaveChangesAsync();
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}; load: {(await File.ReadAllTextAsync("/proc/loadavg")).Trim()}");
Console.WriteLine($"SQLite (WAL, synchronous=NORMAL), {writes} writes per round, {rounds} rounds, one context + SaveChanges per write");
foreach (var (name, write) in new (string, Func<bool, Task>)[] { ("ticket", WriteTicketAsync), ("booking", WriteBookingAsync) })
{
    // Warm-up: JIT, the organization's data key, connection pool.
    for (var i = 0; i < 200; i++)
    {
        await write(false);
        await write(true);
    }

    var totals = new Dictionary<bool, TimeSpan> { [false] = TimeSpan.Zero, [true] = TimeSpan.Zero };
    for (var round = 0; round < rounds; round++)
    {
        foreach (var encrypted in round % 2 == 0 ? new[] { false, true } : [true, false])
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < writes; i++)
            {
                await write(encrypted);
            }

            totals[encrypted] += clock.Elapsed;
        }
    }

    var n = writes * rounds;
    var plain = n / totals[false].TotalSeconds;
    var sealedRate = n / totals[true].TotalSeconds;
    Console.WriteLine($"{name,-8} plain {plain,8:F0} writes/s ({totals[false].TotalMilliseconds * 1000 / n,7:F1} µs)   encrypted {sealedRate,8:F0} writes/s ({totals[true].TotalMilliseconds * 1000 / n,7:F1} µs)   overhead {(plain / sealedRate - 1) * 100,5:F1} %");
}

await ((Xunit.IAsyncLifetime)factory).DisposeAsync();
