using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Modules.Scheduling.MeetingTypes;

/// <summary>
/// Writes the configured meeting types that are not in the database yet. A type that exists is left as it is: once
/// seeded it belongs to the API and the meeting types page, and a restart must not undo an edit.
/// </summary>
internal sealed class MeetingTypeSeeder(SchedulingDbContext db, IOptions<SchedulingOptions> options) : IDataSeeder
{
    public int Order => 50;

    public async Task SeedAsync(bool includeDemoData, CancellationToken cancellationToken)
    {
        var existing = await db.MeetingTypes.Select(t => t.Code).ToListAsync(cancellationToken);
        foreach (var configured in options.Value.MeetingTypes.Where(t => !existing.Contains(t.Code, StringComparer.Ordinal)))
        {
            existing.Add(configured.Code);
            db.MeetingTypes.Add(new MeetingType
            {
                Id = Guid.CreateVersion7(),
                Code = configured.Code,
                Name = configured.Name,
                DurationMinutes = configured.DurationMinutes,
                BeforeBufferMinutes = configured.BeforeBufferMinutes,
                AfterBufferMinutes = configured.AfterBufferMinutes,
                SlotStepMinutes = configured.SlotStepMinutes,
                MinimumNoticeMinutes = configured.MinimumNoticeMinutes,
                WindowKind = BookingWindowKind.CalendarDays,
                BookingWindowDays = configured.BookingWindowDays,
                MaxPerDay = configured.MaxPerDay,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
