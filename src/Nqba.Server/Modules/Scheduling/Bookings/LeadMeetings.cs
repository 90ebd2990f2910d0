using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Company;

namespace Nqba.Server.Modules.Scheduling.Bookings;

/// <inheritdoc/>
internal sealed class LeadMeetings(SchedulingDbContext db, ICompanyDirectory directory) : ILeadMeetings
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<LeadMeeting>> ForLeadAsync(Guid leadId, CancellationToken cancellationToken)
    {
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.LeadId == leadId && b.Status != BookingStatus.Held)
            .OrderByDescending(b => b.Start)
            .Select(b => new { b.Id, b.MeetingTypeCode, b.Start, b.End, b.Status, b.SpecialistId, b.ClientTimeZone })
            .ToListAsync(cancellationToken);
        if (bookings.Count == 0)
        {
            return [];
        }

        var company = await directory.GetAsync(cancellationToken);
        return [.. bookings.Select(b => new LeadMeeting(b.Id, b.MeetingTypeCode, b.Start, b.End, b.Status.ToString(), b.SpecialistId,
            company.Specialists.FirstOrDefault(s => s.Id == b.SpecialistId)?.DisplayName, b.ClientTimeZone))];
    }
}
