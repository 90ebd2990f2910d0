using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Modules.Scheduling.MeetingTypes;

/// <summary>Writes the configured meeting types into the database: new codes are added, existing ones updated.</summary>
internal sealed class MeetingTypeSeeder(SchedulingDbContext db, IOptions<SchedulingOptions> options) : IDataSeeder
{
    public int Order => 50;

    public async Task SeedAsync(bool includeDemoData, CancellationToken cancellationToken)
    {
        var existing = await db.MeetingTypes.ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var configured in options.Value.MeetingTypes)
        {
            if (!existing.TryGetValue(configured.Code, out var type))
            {
                type = new MeetingType { Id = Guid.CreateVersion7(), Code = configured.Code, Name = configured.Name };
                db.MeetingTypes.Add(type);
                existing[type.Code] = type;
            }

            type.Name = configured.Name;
            type.DurationMinutes = configured.DurationMinutes;
            type.BufferMinutes = configured.BufferMinutes;
            type.SlotStepMinutes = configured.SlotStepMinutes;
            type.MinimumNoticeMinutes = configured.MinimumNoticeMinutes;
            type.BookingWindowDays = configured.BookingWindowDays;
            type.MaxPerDay = configured.MaxPerDay;
            type.Active = true;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
