using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Scheduling.Invites;

/// <summary>
/// Sends the confirmation, reschedule and cancellation e-mails with the .ics invite to the client and the
/// specialist, after the change is committed (from the event log, so a failed send is retried).
/// </summary>
internal sealed class BookingMailer(SchedulingDbContext db, ICompanyDirectory directory, BookingLinks links, PublicLinks publicLinks, IEmailSender email)
    : IEventSubscriber<MeetingBooked>, IEventSubscriber<MeetingRescheduled>, IEventSubscriber<MeetingCancelled>
{
    private static readonly LocalDateTimePattern When = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");

    public Task HandleAsync(MeetingBooked domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        SendAsync(domainEvent.BookingId, "Meeting confirmed", cancellationToken);

    public Task HandleAsync(MeetingRescheduled domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        SendAsync(domainEvent.BookingId, "Meeting moved", cancellationToken);

    public Task HandleAsync(MeetingCancelled domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        SendAsync(domainEvent.BookingId, "Meeting cancelled", cancellationToken);

    /// <summary>Sends <paramref name="subject"/> about the booking with its current invite to client and specialist.</summary>
    public async Task SendAsync(Guid bookingId, string subject, CancellationToken cancellationToken, string? extra = null, bool toSpecialist = true)
    {
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        if (booking?.ClientEmail is null)
        {
            return;
        }

        var company = await directory.GetAsync(cancellationToken);
        var specialist = company.Specialists.FirstOrDefault(s => s.Id == booking.SpecialistId);
        var manage = links.ManagePage(links.ManageToken(booking.Id), booking.Language);
        var invite = new EmailAttachment(
            booking.Status == BookingStatus.Cancelled ? "cancel.ics" : "invite.ics",
            $"text/calendar; charset=utf-8; method={(booking.Status == BookingStatus.Cancelled ? "CANCEL" : "REQUEST")}",
            Encoding.UTF8.GetBytes(InviteBuilder.Build(booking, specialist, manage)));
        var clientZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(booking.ClientTimeZone) ?? DateTimeZone.Utc;
        await email.SendAsync(new EmailMessage(booking.ClientEmail, $"{subject}: {booking.MeetingTypeCode}", Body(booking, specialist?.DisplayName, clientZone, manage, extra), Attachments: [invite]), cancellationToken);
        if (toSpecialist && specialist is not null)
        {
            var region = company.Region(specialist.RegionCode);
            var zone = region is null ? DateTimeZone.Utc : DateTimeZoneProviders.Tzdb.GetZoneOrNull(region.Hours.TimeZone) ?? DateTimeZone.Utc;
            await email.SendAsync(new EmailMessage(specialist.Email, $"{subject}: {booking.MeetingTypeCode} with {booking.ClientName}", Body(booking, specialist.DisplayName, zone, publicLinks.To($"/scheduling/bookings/{booking.Id}"), extra), Attachments: [invite]), cancellationToken);
        }
    }

    private static string Body(Booking booking, string? specialist, DateTimeZone zone, string link, string? extra)
    {
        var start = Instant.FromDateTimeUtc(DateTime.SpecifyKind(booking.Start, DateTimeKind.Utc)).InZone(zone);
        var end = Instant.FromDateTimeUtc(DateTime.SpecifyKind(booking.End, DateTimeKind.Utc)).InZone(zone);
        return string.Create(CultureInfo.InvariantCulture, $"""
            {booking.MeetingTypeCode} with {specialist ?? "NQBA"}
            When: {When.Format(start.LocalDateTime)}–{end.LocalDateTime.TimeOfDay:HH:mm} ({zone.Id}, UTC{start.Offset})
            Status: {booking.Status}
            Join: {booking.VideoUrl}{(booking.VideoNote is null ? string.Empty : $" ({booking.VideoNote})")}
            Reschedule or cancel: {link}
            {extra}
            """);
    }
}
