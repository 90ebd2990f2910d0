using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Scheduling.Persistence;

namespace Nqba.Server.Modules.Scheduling.Bookings;

/// <summary>What the booking pages show, read for them (pages call this, never the DbContext).</summary>
internal sealed class BookingQueries(SchedulingDbContext db)
{
    /// <summary>The booking, unless it is only a hold (a hold is nobody's meeting yet).</summary>
    public Task<Booking?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.Status != BookingStatus.Held, cancellationToken);

    /// <summary>A collective meeting's further hosts (none for a meeting with one specialist).</summary>
    public Task<List<Guid>> CoHostsOfAsync(Guid bookingId, CancellationToken cancellationToken) => db.CoHostsOfAsync(bookingId, cancellationToken);

    /// <summary>The meeting type's name, or its code when the type is gone.</summary>
    public async Task<string> MeetingTypeNameAsync(string code, CancellationToken cancellationToken) =>
        await db.MeetingTypes.AsNoTracking().Where(t => t.Code == code).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken) ?? code;
}
