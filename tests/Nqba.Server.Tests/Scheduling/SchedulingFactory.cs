using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Nqba.Server.Modules.Scheduling.Reminders;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Seeding;
using Nqba.Testing;

namespace Nqba.Server.Tests.Scheduling;

/// <summary>
/// The server with its reminder job runner and background event delivery off (tests run them by hand:
/// <see cref="NqbaFactory.DeliverEventsAsync"/>) and a fourth meeting type, <c>test-20</c>:
/// 20 minutes, 5-minute buffers and steps, no minimum notice, a year's window. <see cref="SharedDatabase"/>
/// (<see cref="SharedDatabaseFactory"/>) points a second instance, or a restarted one, at another factory's database.
/// </summary>
public class SchedulingFactory : NqbaFactory
{
    private static int _specialists;

    /// <summary>Another factory whose database this one uses.</summary>
    protected virtual SchedulingFactory? SharedDatabase => null;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Scheduling:JobsEnabled"] = "false",
                ["Events:DispatchInBackground"] = "false",
                ["Scheduling:MeetingTypes:0:Code"] = "discovery-30",
                ["Scheduling:MeetingTypes:0:Name"] = "30-min discovery call",
                ["Scheduling:MeetingTypes:0:DurationMinutes"] = "30",
                ["Scheduling:MeetingTypes:1:Code"] = "demo-60",
                ["Scheduling:MeetingTypes:1:Name"] = "60-min technical demo",
                ["Scheduling:MeetingTypes:1:DurationMinutes"] = "60",
                ["Scheduling:MeetingTypes:2:Code"] = "strategic-90",
                ["Scheduling:MeetingTypes:2:Name"] = "90-min strategic consultation",
                ["Scheduling:MeetingTypes:2:DurationMinutes"] = "90",
                ["Scheduling:MeetingTypes:3:Code"] = "test-20",
                ["Scheduling:MeetingTypes:3:Name"] = "20-min test call",
                ["Scheduling:MeetingTypes:3:DurationMinutes"] = "20",
                ["Scheduling:MeetingTypes:3:AfterBufferMinutes"] = "5",
                ["Scheduling:MeetingTypes:3:SlotStepMinutes"] = "5",
                ["Scheduling:MeetingTypes:3:MinimumNoticeMinutes"] = "0",
                ["Scheduling:MeetingTypes:3:BookingWindowDays"] = "365",
                ["Scheduling:MeetingTypes:3:MaxPerDay"] = "30",
            };
            if (SharedDatabase is { } shared)
            {
                settings["Database:Provider"] = shared.Provider;
                settings["Database:ConnectionString"] = shared.ConnectionString;
                // Instances share the master key as they share the database (an absolute path wins over the content root).
                settings["Protection:MasterKeyFile"] = Path.Combine(shared.ContentRoot, "data", "keys", "master-keys.json");
            }

            return settings;
        }
    }

    internal JobRunner CreateJobRunner() => ActivatorUtilities.CreateInstance<JobRunner>(Services);

    /// <summary>A business unit of its own for one test, with no specialists yet; returns its id and code.</summary>
    public async Task<(Guid Id, string Code)> CreateUnitAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var unit = new BusinessUnit { Id = Guid.CreateVersion7(), Code = $"unit-{Guid.NewGuid():N}"[..16], Name = "Test unit", Description = "For one test", RoutingSignal = "tests" };
        db.BusinessUnits.Add(unit);
        await db.SaveChangesAsync();
        return (unit.Id, unit.Code);
    }

    /// <summary>A specialist of its own for one test (Europe/Berlin, 09–17 on weekdays, unless another region is given).</summary>
    public async Task<Guid> CreateSpecialistAsync(Guid? region = null, Guid? unit = null, string? email = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<FieldProtector>();
        email ??= $"specialist-{Interlocked.Increment(ref _specialists)}-{Guid.NewGuid():N}@nqba.test";
        var specialist = new Specialist
        {
            Id = Guid.CreateVersion7(),
            DisplayName = "Test Specialist " + _specialists,
            Email = email,
            EmailHash = await protector.SearchHashAsync(email, CancellationToken.None),
            BusinessUnitId = unit ?? DemoCompany.NqbaCore,
            RegionId = region ?? DemoCompany.Europe,
            Languages = "en,de",
            Skills = "platform",
            Capacity = 10,
            Seniority = 2,
        };
        db.Specialists.Add(specialist);
        await db.SaveChangesAsync();
        return specialist.Id;
    }

    /// <summary>A weekday at least <paramref name="daysAhead"/> days from now that is no holiday of the demo regions.</summary>
    public static LocalDate Weekday(int daysAhead)
    {
        var date = LocalDate.FromDateTime(DateTime.UtcNow).PlusDays(daysAhead);
        while (!IsWorkday(date))
        {
            date = date.PlusDays(1);
        }

        return date;
    }

    /// <summary>The first workday after <paramref name="date"/>.</summary>
    public static LocalDate WorkdayAfter(LocalDate date)
    {
        do
        {
            date = date.PlusDays(1);
        }
        while (!IsWorkday(date));

        return date;
    }

    /// <summary>A weekday that is no holiday of the demo regions (and clear of the year-end weeks).</summary>
    public static bool IsWorkday(LocalDate date) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        && !(date.Month == 12 && date.Day >= 24) && !(date.Month == 1 && date.Day <= 11) && !(date.Month == 11 && date.Day is 23 or 26);

    /// <summary>An instant on <paramref name="date"/> at a Berlin wall-clock time, as the API takes it.</summary>
    public static DateTimeOffset Berlin(LocalDate date, int hour, int minute = 0) =>
        (date + new LocalTime(hour, minute)).InZoneLeniently(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).ToDateTimeOffset();
}
