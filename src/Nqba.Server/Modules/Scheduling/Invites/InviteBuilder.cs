using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Platform.Company;

namespace Nqba.Server.Modules.Scheduling.Invites;

/// <summary>
/// The iCalendar (RFC 5545) invite of a booking, built with Ical.Net: METHOD:REQUEST while it stands,
/// METHOD:CANCEL once cancelled; a stable UID and a SEQUENCE raised by each change, so calendars update the
/// existing entry instead of adding a second one. Times are UTC.
/// </summary>
internal sealed class InviteBuilder(ICompanyDirectory directory, BookingLinks links)
{
    public async Task<string> BuildAsync(Booking booking, CancellationToken cancellationToken)
    {
        var company = await directory.GetAsync(cancellationToken);
        var specialist = company.Specialists.FirstOrDefault(s => s.Id == booking.SpecialistId);
        return Build(booking, specialist, links.ManagePage(links.ManageToken(booking.Id), booking.Language));
    }

    public static string Build(Booking booking, SpecialistInfo? specialist, string manageUrl)
    {
        var cancelled = booking.Status == BookingStatus.Cancelled;
        var calendar = new Calendar { ProductId = "-//NQBA//Scheduling//EN", Method = cancelled ? "CANCEL" : "REQUEST" };
        var meeting = new CalendarEvent
        {
            Uid = $"{booking.Id:N}@nqba",
            Sequence = booking.Sequence,
            Summary = $"{booking.MeetingTypeCode}: {specialist?.DisplayName ?? "NQBA"}",
            Description = $"Join: {booking.VideoUrl}\nReschedule or cancel: {manageUrl}",
            Location = booking.VideoUrl,
            DtStart = new CalDateTime(DateTime.SpecifyKind(booking.Start, DateTimeKind.Utc), CalDateTime.UtcTzId),
            DtEnd = new CalDateTime(DateTime.SpecifyKind(booking.End, DateTimeKind.Utc), CalDateTime.UtcTzId),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(booking.UpdatedAt ?? booking.CreatedAt, DateTimeKind.Utc), CalDateTime.UtcTzId),
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
        };
        if (specialist is not null)
        {
            meeting.Organizer = new Organizer("mailto:" + specialist.Email) { CommonName = specialist.DisplayName };
        }

        if (booking.ClientEmail is { } email)
        {
            meeting.Attendees.Add(new Attendee("mailto:" + email) { CommonName = booking.ClientName, Role = "REQ-PARTICIPANT", Rsvp = false });
        }

        calendar.Events.Add(meeting);
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}
