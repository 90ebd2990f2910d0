using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Pipeline;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Modules.Support;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;

namespace Nqba.Server.Modules.Scheduling.Briefings;

/// <summary>
/// The pre-meeting briefing: the client, their SigmaEQ score and routing reason (from Scheduling's copy of Intake's
/// events), earlier meetings, the organization's open support tickets (Support's contract) and the lead's deal
/// (the Pipeline's contract). Survey and incident sections fill as those modules land.
/// </summary>
internal sealed class BriefingService(SchedulingDbContext db, ICompanyDirectory directory, IOrganizationTickets tickets, ILeadDeals deals, INotificationService notifications)
{
    private static readonly string[] Pending = ["CSAT/NPS history", "incidents affecting the client's services"];

    /// <summary>How many of the organization's newest tickets are looked through for open ones.</summary>
    private const int TicketsLookedAt = 50;

    public async Task<BriefingDto> BuildAsync(Booking booking, CancellationToken cancellationToken)
    {
        var lead = booking.LeadId is { } leadId ? await db.RoutedLeads.AsNoTracking().FirstOrDefaultAsync(l => l.LeadId == leadId, cancellationToken) : null;
        var earlier = booking.ClientEmailHash is null
            ? []
            : await db.Bookings.AsNoTracking()
                .Where(b => b.ClientEmailHash == booking.ClientEmailHash && b.Id != booking.Id && b.Start < booking.Start && b.Status != BookingStatus.Held)
                .OrderByDescending(b => b.Start).Take(20)
                .Select(b => new { b.Id, b.MeetingTypeCode, b.Start, b.Status })
                .ToListAsync(cancellationToken);
        var open = booking.OrganizationId is { } organization
            ? (await tickets.ForOrganizationAsync(organization, TicketsLookedAt, cancellationToken))
                .Where(t => t.IsOpen)
                .Select(t => new BriefingTicketDto(t.TicketId, t.Number, t.Subject, t.Priority, t.Status, new DateTimeOffset(t.CreatedAt, TimeSpan.Zero)))
                .ToList()
            : [];
        var deal = booking.LeadId is { } dealLead ? await deals.ForLeadAsync(dealLead, cancellationToken) : null;
        return new BriefingDto(
            booking.Id,
            booking.MeetingTypeCode,
            new DateTimeOffset(booking.Start, TimeSpan.Zero),
            booking.ClientName,
            booking.ClientEmail,
            booking.Notes,
            lead?.AssessmentTotal,
            lead?.RecommendedUnit,
            lead?.RunnerUpUnit,
            lead?.MeetingType,
            lead?.RoutingReason,
            earlier.ConvertAll(b => new EarlierMeetingDto(b.Id, b.MeetingTypeCode, new DateTimeOffset(b.Start, TimeSpan.Zero), b.Status.ToString())),
            open,
            deal is null ? null : new BriefingDealDto(deal.DealId, deal.Stage, new DateTimeOffset(deal.StageEnteredAt, TimeSpan.Zero), deal.Value, deal.Currency),
            Pending);
    }

    /// <summary>E-mails the briefing to the specialist and publishes <see cref="BriefingReady"/>.</summary>
    public async Task SendAsync(Booking booking, DateTime now, CancellationToken cancellationToken)
    {
        var company = await directory.GetAsync(cancellationToken);
        var specialist = company.Specialists.FirstOrDefault(s => s.Id == booking.SpecialistId);
        if (specialist is null)
        {
            return;
        }

        var briefing = await BuildAsync(booking, cancellationToken);
        var zone = company.Region(specialist.RegionCode)?.Hours.TimeZone ?? "UTC";
        var model = new BriefingMailModel(
            booking.Id, briefing.MeetingType, booking.Start, zone, briefing.ClientName, briefing.ClientEmail, briefing.ClientNotes, briefing.AssessmentTotal,
            briefing.RecommendedUnit, briefing.RunnerUpUnit, briefing.RecommendedMeetingType, briefing.RoutingReason,
            briefing.EarlierMeetings.Select(m => (m.MeetingType, m.Start.UtcDateTime)).ToList(),
            briefing.OpenTickets.Select(t => $"#{t.Number} {t.Subject} ({t.Priority})").ToList(),
            briefing.Deal is { } deal ? (deal.Stage, deal.Since.UtcDateTime, deal.Value is { } value ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{deal.Currency} {value:#,0.##}") : null) : null,
            briefing.NotAvailableYet);
        // Staff store no language of their own: the default culture.
        await notifications.SendAsync<BriefingMail, BriefingMailModel>(new(specialist.Email, null, model), cancellationToken);
        db.Publish(new BriefingReady(booking.Id, booking.OrganizationId, booking.SpecialistId, booking.LeadId, booking.Start, now), now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
