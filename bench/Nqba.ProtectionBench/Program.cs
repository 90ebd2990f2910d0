// Encryption overhead on booking and ticket writes: the same inserts through the same SQLite database, with and
// without the field-encryption interceptor (everything else equal: the pragma, telemetry and outbox interceptors).
// Each write is one context and one SaveChanges, as one HTTP request does it. Four modes, rotated per round:
//   plain      no encryption (the baseline);
//   org-key    the fields under the client organization's data key;
//   own-key    under the person's own data key, a returning person (the key is cached);
//   new-person under the person's own data key, a new person every write: the keyed hash of the address, and the
//              key created with the write (wrapped, its row inserted in the same transaction), as TicketDesk and
//              BookingService do.
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

var protector = services.GetRequiredService<FieldProtector>();
var returning = FieldProtector.SubjectKeyId(await protector.SearchHashAsync("k.vogel@nordwerk.example", CancellationToken.None));
var people = 0;

// The key owner of one write: none (plain and org-key use the organization), the returning person, or a new one.
async Task<(Guid? Key, string? Hash)> SubjectAsync(string mode)
{
    switch (mode)
    {
        case "own-key":
            return (returning, null);
        case "new-person":
            var hash = await protector.SearchHashAsync($"person-{Interlocked.Increment(ref people)}@bench.example", CancellationToken.None);
            return (FieldProtector.SubjectKeyId(hash), hash);
        default:
            return (null, null);
    }
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

async Task WriteTicketAsync(string mode)
{
    var (subjectKey, hash) = await SubjectAsync(mode);
    await using var db = new SqliteSupportDbContext(ticketOptions[mode != "plain"], tenant);
    var now = DateTime.UtcNow;
    db.Tickets.Add(new Ticket
    {
        Id = Guid.CreateVersion7(),
        Number = Interlocked.Increment(ref number),
        OrganizationId = organization,
        SubjectKeyId = subjectKey,
        RequesterEmailHash = hash,
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

async Task WriteBookingAsync(string mode)
{
    var (subjectKey, hash) = await SubjectAsync(mode);
    await using var db = new SqliteSchedulingDbContext(bookingOptions[mode != "plain"]);
    var start = DateTime.UtcNow.AddDays(3);
    db.Bookings.Add(new Booking
    {
        Id = Guid.CreateVersion7(),
        SpecialistId = Guid.NewGuid(),
        MeetingTypeCode = "discovery-30",
        Start = start,
        End = start.AddMinutes(30),
        AfterBufferMinutes = 15,
        ClientName = "Jordan Miles",
        ClientEmail = "jordan.miles@acme.example",
        ClientEmailHash = hash,
        SubjectKeyId = subjectKey,
        Notes = "Wants to see the lead-scoring dashboard.",
        ClientTimeZone = "America/New_York",
        Language = "en",
        OrganizationId = organization,
        ChangedBy = "bench",
        CreatedAt = DateTime.UtcNow,
    });
    await db.SaveChangesAsync();
}

string[] modes = ["plain", "org-key", "own-key", "new-person"];
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}; load: {(await File.ReadAllTextAsync("/proc/loadavg")).Trim()}");
Console.WriteLine($"SQLite (WAL, synchronous=NORMAL), {writes} writes per round and mode, {rounds} rounds, one context + SaveChanges per write");
foreach (var (name, write) in new (string, Func<string, Task>)[] { ("ticket", WriteTicketAsync), ("booking", WriteBookingAsync) })
{
    // Warm-up: JIT, the organization's and the returning person's data keys, connection pool.
    for (var i = 0; i < 200; i++)
    {
        foreach (var mode in modes)
        {
            await write(mode);
        }
    }

    var totals = modes.ToDictionary(m => m, _ => TimeSpan.Zero);
    for (var round = 0; round < rounds; round++)
    {
        foreach (var mode in modes.Skip(round % modes.Length).Concat(modes.Take(round % modes.Length)))
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < writes; i++)
            {
                await write(mode);
            }

            totals[mode] += clock.Elapsed;
        }
    }

    var n = writes * rounds;
    var plain = n / totals["plain"].TotalSeconds;
    foreach (var mode in modes)
    {
        var rate = n / totals[mode].TotalSeconds;
        Console.WriteLine($"{name,-8} {mode,-10} {rate,8:F0} writes/s ({totals[mode].TotalMilliseconds * 1000 / n,7:F1} µs)   overhead {(plain / rate - 1) * 100,6:F1} %");
    }
}

await ((Xunit.IAsyncLifetime)factory).DisposeAsync();
