using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Calendar;
using Nqba.Server.Platform.Company;

namespace Nqba.Testing;

/// <summary>Regions for tests whose clocks must not depend on when they run.</summary>
public static class TestRegions
{
    /// <summary>
    /// Adds region <paramref name="code"/> (residency US), unless it exists, following a calendar of the same code:
    /// open around the clock every day (UTC) or never open.
    /// </summary>
    public static async Task AddAsync(IServiceProvider services, string code, bool alwaysOpen)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        if (await db.Regions.AnyAsync(r => r.Code == code))
        {
            return;
        }

        var name = alwaysOpen ? "Always open" : "Never open";
        var calendar = new WorkingCalendar { Id = Guid.NewGuid(), Code = code, Name = name, TimeZone = "Etc/UTC", Version = 1 };
        if (alwaysOpen)
        {
            calendar.Intervals.AddRange(Enumerable.Range(1, 7).Select(day => new WorkingCalendarInterval { CalendarId = calendar.Id, Day = day, Opens = TimeOnly.MinValue, Closes = TimeOnly.MaxValue }));
        }

        db.Calendars.Add(calendar);
        db.Regions.Add(new Region { Id = Guid.NewGuid(), Code = code, Name = name, CalendarId = calendar.Id, ResidencyZone = "US" });
        await db.SaveChangesAsync();
    }
}
