using System.Text;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;

namespace Nqba.Server.Modules.Scheduling.Invites;

/// <summary>
/// Sends the confirmation, reschedule and cancellation e-mails with the .ics invite to the client (in the booking's
/// language and time zone) and the specialist (in the default language, their region's zone), after the change is
/// committed (from the event log, so a failed send is retried); and the reminders and follow-up the job runner asks for.
/// </summary>
internal sealed class BookingMailer(SchedulingDbContext db, ICompanyDirectory directory, BookingLinks links, INotificationService notifications)
    : IEventSubscriber<MeetingBooked>, IEventSubscriber<MeetingRescheduled>, IEventSubscriber<MeetingCancelled>,
        IEventSubscriber<MeetingRequested>, IEventSubscriber<MeetingDeclined>
{
    public Task HandleAsync(MeetingRequested domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        SendAsync(domainEvent.BookingId, BookingMailKind.Requested, cancellationToken);

    public Task HandleAsync(MeetingDeclined domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        SendAsync(domainEvent.BookingId, BookingMailKind.Declined, cancellationToken);

    public Task HandleAsync(MeetingBooked domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        SendAsync(domainEvent.BookingId, BookingMailKind.Confirmed, cancellationToken);

    public Task HandleAsync(MeetingRescheduled domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        SendAsync(domainEvent.BookingId, BookingMailKind.Moved, cancellationToken);

    public Task HandleAsync(MeetingCancelled domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        SendAsync(domainEvent.BookingId, BookingMailKind.Cancelled, cancellationToken);

    /// <summary>
    /// Sends the <paramref name="kind"/> mail about the booking to the client and, except for the follow-up and a
    /// decline (staff made it), the specialist and a collective meeting's co-hosts; with its current invite unless the meeting was only requested or declined
    /// (no calendar entry exists for those).
    /// </summary>
    public async Task SendAsync(Guid bookingId, BookingMailKind kind, CancellationToken cancellationToken, TimeSpan? startsIn = null)
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
        var model = new BookingMailModel(
            kind, ForSpecialist: false, booking.MeetingTypeCode, specialist?.DisplayName, booking.ClientName, booking.Start, booking.ClientTimeZone, booking.VideoUrl, booking.VideoNote, manage, startsIn);
        EmailAttachment[] attachments = kind is BookingMailKind.Requested or BookingMailKind.Declined ? [] : [invite];
        await notifications.SendAsync<BookingMail, BookingMailModel>(new(booking.ClientEmail, booking.Language, model) { Attachments = attachments }, cancellationToken);
        if (kind is BookingMailKind.FollowUp or BookingMailKind.Declined)
        {
            return;
        }

        // The host, and a collective meeting's co-hosts.
        var coHosts = await db.CoHostsOfAsync(booking.Id, cancellationToken);
        foreach (var host in company.Specialists.Where(s => s.Id == booking.SpecialistId || coHosts.Contains(s.Id)))
        {
            var zone = company.Region(host.RegionCode)?.Hours.TimeZone ?? "UTC";
            var staff = model with { ForSpecialist = true, OtherParty = booking.ClientName, TimeZone = zone, Link = $"/scheduling/bookings/{booking.Id}" };
            // Staff store no language of their own: their mails are in the default culture.
            await notifications.SendAsync<BookingMail, BookingMailModel>(new(host.Email, null, staff) { Attachments = attachments }, cancellationToken);
        }
    }
}
