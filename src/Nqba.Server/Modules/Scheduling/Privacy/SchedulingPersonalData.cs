using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Scheduling.FollowUps;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Privacy;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Scheduling.Privacy;

/// <summary>
/// Bookings and their follow-ups for privacy requests, found by the keyed hash of the client's e-mail (or by
/// organization): exported, redacted and crypto-shredded on erasure (the booking stays for statistics: time, type,
/// specialist, status; a follow-up keeps its outcome and suggestion, loses its notes and action item texts; the
/// client's own data key is destroyed), corrected on rectification.
/// The retention purge (<c>scheduling.bookings</c>) redacts bookings that ended before the cutoff in the same way.
/// </summary>
internal sealed class SchedulingPersonalData(SchedulingDbContext db, FieldProtector protector) : IPersonalDataSource, IRetentionPolicy
{
    public string Name => "scheduling";

    public string Category => "scheduling.bookings";

    public async Task<IReadOnlyList<PersonalDataRecord>> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var bookings = await BookingsOf(subject).AsNoTracking().OrderBy(b => b.Start).ToListAsync(cancellationToken);
        var records = bookings.ConvertAll(b =>
            new PersonalDataRecord("booking", b.Id.ToString(), new
            {
                b.ClientName,
                b.ClientEmail,
                b.Notes,
                b.ClientTimeZone,
                b.Language,
                b.MeetingTypeCode,
                b.Start,
                b.End,
                b.Status,
                b.VideoUrl,
                b.CreatedAt,
            }));
        foreach (var f in await FollowUpsOf(subject).AsNoTracking().Include(f => f.ActionItems).OrderBy(f => f.CreatedAt).ToListAsync(cancellationToken))
        {
            records.Add(new PersonalDataRecord("follow-up", f.Id.ToString(), new
            {
                f.BookingId,
                f.Outcome,
                f.Notes,
                ActionItems = f.ActionItems.OrderBy(a => a.Position).Select(a => new { a.Description, a.Owner, a.DueDate }).ToList(),
                f.SuggestedMeetingType,
                f.CreatedAt,
            }));
        }

        return records;
    }

    /// <summary>
    /// Redacts the bookings, then crypto-shreds them: the client's own data key (shared by all of their bookings and
    /// follow-ups) is destroyed, so what a backup or a missed field still holds becomes unreadable too.
    /// </summary>
    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var bookings = await BookingsOf(subject).ToListAsync(cancellationToken);
        var count = await RedactAsync(bookings, cancellationToken);
        await protector.DestroyOrganizationKeysAsync(bookings.Select(b => b.SubjectKeyId), cancellationToken);
        return count;
    }

    /// <summary>Bookings that ended before the cutoff (and were not redacted yet) are redacted as by an erasure.</summary>
    public async Task<int> PurgeOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken) =>
        await RedactAsync(await db.Bookings.Where(b => b.End < cutoff && b.ClientEmailHash != null).ToListAsync(cancellationToken), cancellationToken);

    private async Task<int> RedactAsync(List<Bookings.Booking> bookings, CancellationToken cancellationToken)
    {
        foreach (var booking in bookings)
        {
            booking.ClientName = FieldProtector.ErasedValue;
            booking.ClientEmail = FieldProtector.ErasedValue;
            booking.Notes = null;
            booking.ClientEmailHash = null;
        }

        // Follow-ups stay for statistics (outcome, suggestion, number of items); what was written about the person goes.
        var ids = bookings.ConvertAll(b => b.Id);
        foreach (var followUp in await db.FollowUps.Where(f => ids.Contains(f.BookingId)).Include(f => f.ActionItems).ToListAsync(cancellationToken))
        {
            followUp.Notes = null;
            foreach (var item in followUp.ActionItems)
            {
                item.Description = FieldProtector.ErasedValue;
                item.Owner = FieldProtector.ErasedValue;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return bookings.Count;
    }

    public async Task<int> RectifyAsync(DataSubject subject, Rectification correction, CancellationToken cancellationToken)
    {
        var bookings = await BookingsOf(subject).ToListAsync(cancellationToken);
        foreach (var booking in bookings)
        {
            booking.ClientName = correction.Name ?? booking.ClientName;
            if (correction is { Email: { } email, EmailHash: { } hash })
            {
                booking.ClientEmail = email;
                booking.ClientEmailHash = hash;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return bookings.Count;
    }

    private IQueryable<FollowUp> FollowUpsOf(DataSubject subject)
    {
        var bookings = BookingsOf(subject).Select(b => b.Id);
        return db.FollowUps.Where(f => bookings.Contains(f.BookingId));
    }

    private IQueryable<Bookings.Booking> BookingsOf(DataSubject subject) => subject.OrganizationId is { } org
        ? db.Bookings.Where(b => b.OrganizationId == org)
        : db.Bookings.Where(b => subject.EmailHash != null && b.ClientEmailHash == subject.EmailHash);
}
